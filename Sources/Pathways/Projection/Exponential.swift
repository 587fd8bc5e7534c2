import Foundation

/// e^x for two lanes at once, so the projection's inner loop runs two branches per instruction and
/// never calls into the C library: the classic reduction x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2
/// split in a high part with trailing zero bits and a low part, after fdlibm, so k·ln2_hi is
/// exact), the Taylor polynomial of e^r to degree 13 (its remainder is below 5 × 10⁻¹⁸ of the
/// result) in Estrin's scheme, and 2^k put in through the exponent bits. Within a few units in the
/// last place of `exp`; a lane beyond ±700 goes to `exp` itself.
@inline(__always)
func exponential(_ x: SIMD2<Double>) -> SIMD2<Double> {
    if abs(x[0]) >= 700 || abs(x[1]) >= 700 { return SIMD2(exp(x[0]), exp(x[1])) }
    let shifter = SIMD2<Double>(repeating: 6_755_399_441_055_744.0)  // 1.5 × 2^52: adding it rounds to an integer
    let shifted = x * 1.442_695_040_888_963_4 + shifter
    let k = shifted - shifter
    let r = (x - k * 6.931_471_803_691_238_164_90e-01) - k * 1.908_214_929_270_587_700_02e-10
    let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
    let p01 = 1 + r
    let p23 = 1.0 / 2 + r * (1.0 / 6)
    let p45 = 1.0 / 24 + r * (1.0 / 120)
    let p67 = 1.0 / 720 + r * (1.0 / 5040)
    let p89 = 1.0 / 40320 + r * (1.0 / 362_880)
    let p1011 = 1.0 / 3_628_800 + r * (1.0 / 39_916_800)
    let p1213 = 1.0 / 479_001_600 + r * (1.0 / 6_227_020_800)
    let low = (p01 + r2 * p23) + r4 * (p45 + r2 * p67)
    let high = (p89 + r2 * p1011) + r4 * p1213
    // The integer k sits in the low bits of `shifted`; 2^k is (k + 1023) in the exponent field.
    let kBits = unsafeBitCast(shifted, to: SIMD2<UInt64>.self) &- unsafeBitCast(shifter, to: SIMD2<UInt64>.self)
    let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD2<Double>.self)
    return (low + r8 * high) * scale
}

/// e^x for one value, by the same steps.
@inline(__always)
func exponential(_ x: Double) -> Double { exponential(SIMD2(x, x))[0] }
