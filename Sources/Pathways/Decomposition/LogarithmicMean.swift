import Foundation

/// The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a: the weight of LMDI-I
/// (Ang 2005, "The LMDI approach to decomposition analysis: a practical guide", Energy Policy 33,
/// eqs. 4–5). Written as `d / log1p(d / b)` so that two close values keep their precision (the
/// difference of two logarithms of nearly equal numbers loses it). Both arguments must be positive;
/// a zero is never passed here — `LMDI` takes the analytical limit instead.
@inlinable
public func logarithmicMean(_ a: Double, _ b: Double) -> Double {
    let difference = a - b
    if difference == 0 { return a }
    return difference / log1p(difference / b)
}
