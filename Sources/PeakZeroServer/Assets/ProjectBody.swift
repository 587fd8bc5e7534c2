import Accounting
import Assets
import Persistence

/// The JSON of one project: what was entered, and what PeakZero derives from it.
struct ProjectBody: Codable {
    let project: StoredProject
    let figures: Figures?
    let verifications: [StoredVerification]

    struct Savings: Codable {
        let year: Int
        let tceEquivalent: Double
        let tceCalorific: Double
        let co2eLocationT: Double
        let co2eMarketT: Double
        /// Each saving's line with the factors it used (only on the project's own page).
        let lines: [Line]?

        init(_ savings: ProjectSavings, lines withLines: Bool) {
            year = savings.year
            tceEquivalent = savings.energyEquivalent.value(in: .tonneCoalEquivalent)
            tceCalorific = savings.energyCalorific.value(in: .tonneCoalEquivalent)
            co2eLocationT = savings.avoidedLocationBased.value(in: .tonneCO2e)
            co2eMarketT = savings.avoidedMarketBased.value(in: .tonneCO2e)
            lines = withLines ? savings.lines.map(Line.init) : nil
        }
    }

    struct Line: Codable {
        let item: String
        let quantity: Double
        let unit: String
        let tceEquivalent: Double
        let tceCalorific: Double
        let co2eLocationT: Double
        let co2eMarketT: Double
        let factors: [Factor]

        init(_ line: InventoryLine) {
            item = line.record.item.code
            quantity = line.record.quantity.value
            unit = line.record.quantity.unitSymbol
            tceEquivalent = line.energyEquivalent.value(in: .tonneCoalEquivalent)
            tceCalorific = line.energyCalorific.value(in: .tonneCoalEquivalent)
            co2eLocationT = line.locationBased.value(in: .tonneCO2e)
            co2eMarketT = line.marketBased.value(in: .tonneCO2e)
            factors = line.factors.map {
                Factor(kind: $0.kind.rawValue, value: $0.value, unit: $0.unit, id: $0.entry?.id, grade: $0.entry?.grade.rawValue)
            }
        }
    }

    struct Factor: Codable {
        let kind: String
        let value: Double
        let unit: String
        let id: String?
        let grade: String?
    }

    struct Figures: Codable {
        let planned: Savings
        let verified: Savings?
        /// Which scope-2 method the abatement (and so the economics) counts.
        let method: String
        let discountRate: Double
        /// 万元.
        let netPresentValue: Double
        /// Years; nil when the project never repays its investment.
        let paybackYears: Double?
        /// CNY per tCO2e; nil when it abates nothing.
        let levelisedCostYuanPerT: Double?
    }

    init(_ figures: ProjectFigures, lines: Bool = false) {
        project = figures.stored
        verifications = figures.verifications
        self.figures = figures.assessment.map { a in
            Figures(
                planned: Savings(a.planned, lines: lines), verified: a.verified.map { Savings($0, lines: lines) },
                method: a.method.rawValue, discountRate: a.discountRate,
                netPresentValue: a.netPresentValue.value(in: .tenThousandYuan), paybackYears: a.payback(),
                levelisedCostYuanPerT: a.levelisedCost?.yuanPerTonne)
        }
    }
}
