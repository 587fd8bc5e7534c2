import Accounting
import Governance

/// Figures built by hand: a month's carbon (tCO2e, scope 1) and energy (tce, 当量值).
func month(carbon: Double = 0, energy: Double = 0, greenPowerEnergy: Double = 0) -> MeasuredFigures {
    MeasuredFigures(
        IndicatorFigures(
            energyCalorific: StandardCoal(energy, .tonneCoalEquivalent), scope1: Emissions(carbon, .tonneCO2e)),
        greenPower: IndicatorFigures(energyCalorific: StandardCoal(greenPowerEnergy, .tonneCoalEquivalent)))
}

/// A year of months (1…n, each as given), with a value added (万元, constant prices) for the year.
func year(_ months: [MeasuredFigures], valueAdded: Double? = nil) -> YearFigures {
    var total = MeasuredFigures(IndicatorFigures())
    var byMonth: [Int: MeasuredFigures] = [:]
    for (index, figures) in months.enumerated() {
        byMonth[index + 1] = figures
        total = total + figures
    }
    total.figures.valueAdded = valueAdded.map { Money($0, .tenThousandYuan) }
    return YearFigures(months: byMonth, year: total)
}

/// Twelve equal months of carbon.
func flatYear(carbonPerMonth: Double, valueAdded: Double? = nil) -> YearFigures {
    year(Array(repeating: month(carbon: carbonPerMonth), count: 12), valueAdded: valueAdded)
}

func carbon(_ value: Double) -> IndicatorAmount { IndicatorAmount(value, of: .carbonTotal) }

func isClose(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
