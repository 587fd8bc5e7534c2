/// Bounds on the figures PeakZero accepts. They are no rule of any standard: they lie far beyond
/// anything a facility, an enterprise or a province measures, so that a slip of the keyboard or a
/// hostile number (`1e308`) is refused where it enters — by the API, a form, an import or a factor
/// set — and no sum of accepted figures can overflow to infinity.
public enum Plausible {
    /// The largest amount accepted, in its family's base unit (t, Nm³, GJ, tce, tCO2e, MWh, 万元,
    /// tonnes of allowances): 10¹². China's whole energy use of 2023 was about 5.7 × 10⁹ tce, or
    /// 1.7 × 10¹¹ GJ (National Bureau of Statistics, 2023 statistical communiqué).
    public static let largestAmount = 1e12

    /// The largest figure one computed line may hold (tCO2e or tce). An accepted amount times any
    /// factor stays far below it; a figure stored before these bounds existed may not, and the
    /// calculation then refuses it instead of storing infinity.
    public static let largestLineFigure = 1e18

    /// Whether `value` is a finite amount no larger in magnitude than `largestAmount`.
    public static func isAmount(_ value: Double) -> Bool { value.isFinite && abs(value) <= largestAmount }

    /// Whether a computed line's figure is finite and no larger in magnitude than `largestLineFigure`.
    public static func isLineFigure(_ value: Double) -> Bool { abs(value) <= largestLineFigure }
}
