import Accounting

/// A saving measured by the product method of GB/T 13234 (用能单位节能量计算方法): each product's
/// comprehensive energy per unit of output in the baseline and the reporting period, and the
/// reporting period's output. The standard's product energy change is
///
///     ΔE_c = Σ (e_b,i − e_j,i) × M_b,i
///
/// (e_b reporting-period and e_j baseline energy per unit of product i, M_b the reporting period's
/// output; one product is the sum of one term). A negative ΔE_c is energy saved. PeakZero reports
/// the saving as a positive figure, `saved = −ΔE_c`, and counts it as that many tce of `carrier`
/// (a coal PeakZero's factor library knows), so its CO2e comes from the cited factors of that coal:
/// heat per tce, carbon content and oxidation rate — the coal coefficient (tCO2 per tce) in parts.
public struct ProductUnitSavings: Sendable, Codable, Equatable {
    public struct Product: Sendable, Codable, Equatable {
        public var name: String?
        /// tce per unit of product in the baseline period (e_j).
        public var baselinePerUnit: Double?
        /// tce per unit of product in the reporting period (e_b).
        public var reportingPerUnit: Double?
        /// The reporting period's output (M_b), in the product's own unit.
        public var reportingOutput: Double?
        /// The product's unit as written (`t`, `万块` …), for the record.
        public var unit: String?

        public init(
            name: String?, baselinePerUnit: Double?, reportingPerUnit: Double?, reportingOutput: Double?,
            unit: String? = nil
        ) {
            self.name = name
            self.baselinePerUnit = baselinePerUnit
            self.reportingPerUnit = reportingPerUnit
            self.reportingOutput = reportingOutput
            self.unit = unit
        }

        /// (e_b − e_j) × M_b, tce; nil when a figure is missing.
        public var change: Double? {
            guard let baselinePerUnit, let reportingPerUnit, let reportingOutput else { return nil }
            return (reportingPerUnit - baselinePerUnit) * reportingOutput
        }
    }

    public var products: [Product]
    /// The coal the saving is counted as (a fuel's code or name); `烟煤` when not given.
    public var carrier: String?

    public init(products: [Product], carrier: String? = nil) {
        self.products = products
        self.carrier = carrier
    }

    public static let defaultCarrier = "烟煤"

    /// ΔE_c of GB/T 13234, tce: negative when energy was saved.
    public var change: Double { products.compactMap(\.change).reduce(0, +) }

    /// The energy saved, tce (−ΔE_c).
    public var saved: Double { -change }

    /// The coal the saving is counted as: the carrier named, else `defaultCarrier`.
    public var carrierName: String {
        let named = carrier?.trimmed ?? ""
        return named.isEmpty ? Self.defaultCarrier : named
    }

    /// The saving as the project's measured saving: `saved` tce of the carrier.
    public var saving: ProjectDraft.SavingDraft {
        ProjectDraft.SavingDraft(item: carrierName, quantity: saved, unit: "tce")
    }

    /// What is wrong with the figures, each naming `product_unit.products[n].field`.
    public var problems: [ProjectProblem] {
        guard !products.isEmpty else { return [ProjectProblem(field: "product_unit.products", kind: .missing)] }
        var problems: [ProjectProblem] = []
        for (index, product) in products.enumerated() {
            let prefix = "product_unit.products[\(index + 1)]."
            if (product.name ?? "").trimmed.isEmpty { problems.append(ProjectProblem(field: prefix + "name", kind: .missing)) }
            for (field, value, mustBePositive) in [
                ("baseline_per_unit", product.baselinePerUnit, false),
                ("reporting_per_unit", product.reportingPerUnit, false),
                ("reporting_output", product.reportingOutput, true),
            ] {
                guard let value else {
                    problems.append(ProjectProblem(field: prefix + field, kind: .missing))
                    continue
                }
                if !Plausible.isAmount(value) {
                    problems.append(ProjectProblem(field: prefix + field, kind: .beyondPlausible))
                } else if value < 0 || (mustBePositive && value == 0) {
                    problems.append(ProjectProblem(field: prefix + field, kind: .productFigure))
                }
            }
        }
        let catalog = ItemCatalog.bundled
        if let item = catalog.item(code: carrierName) ?? catalog.item(named: carrierName) {
            if item.kind != .fuel {
                problems.append(
                    ProjectProblem(field: "product_unit.carrier", kind: .carrierNotFuel, arguments: ["item": carrierName]))
            }
        } else {
            problems.append(ProjectProblem(field: "product_unit.carrier", kind: .unknownItem, arguments: ["item": carrierName]))
        }
        if problems.isEmpty, change == 0 { problems.append(ProjectProblem(field: "product_unit", kind: .noChange)) }
        return problems
    }
}
