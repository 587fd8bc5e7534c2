import Accounting

/// What a footprint study report under GB/T 24067-2024 (ISO 14067:2018) states beyond the figures
/// of `FootprintSummary`: whether the footprint is partial, the cut-off rule, the allocation of
/// each multi-output process, the greenhouse gases one by one with the GWP used, what comes through
/// cited background and grid factors (in CO2e: those factors are not split by gas), the flows kept
/// outside the total (biogenic CO2, resources), and the data quality of each process — how many of
/// its exchanges carry an uncertainty, its mean pedigree scores, and the sources of its factors.
public struct FootprintDeclaration: Sendable, Codable, Equatable {
    public struct GasLine: Sendable, Codable, Equatable {
        public let gas: String
        public let amountKg: Double
        /// kg CO2e per kg, and where it comes from.
        public let gwp: CitedFactor
        public let co2eKg: Double
    }

    public struct AllocationLine: Sendable, Codable, Equatable {
        public let process: String
        public let name: String
        /// physical, economic, factors or substitution.
        public let method: String
        /// The reference product, then the co-products.
        public let products: [String]
        /// The share of each product (stated, or worked out from mass or value); for substitution,
        /// the processes displaced.
        public let detail: [String]
    }

    public struct QualityLine: Sendable, Codable, Equatable {
        public let process: String
        public let name: String
        /// Inputs, emissions, background and electricity exchanges.
        public let exchanges: Int
        public let withUncertainty: Int
        /// Mean pedigree scores (reliability, completeness, temporal, geographical, technological)
        /// over the exchanges that have them; nil when none has.
        public let pedigree: [Double]?
        /// The cited factors its exchanges take: `id — source (year)`.
        public let sources: [String]
        /// The same, in parts, for a page to show each source in its reader's language.
        public let citations: [Citation]
    }

    /// A factor an exchange takes, with the source it cites as the factor library writes it.
    public struct Citation: Sendable, Codable, Equatable {
        public let key: String
        public let source: String
        public let year: Int?
    }

    public let standard: String
    /// Cradle to gate: a partial footprint (部分产品碳足迹).
    public let partial: Bool
    public let cutOff: String?
    public let byGas: [GasLine]
    public let backgroundCo2eKg: Double
    public let gridCo2eKg: Double
    /// Flows not characterised: biogenic CO2, resources, pollutants.
    public let keptApart: [FootprintSummary.FlowLine]
    public let allocations: [AllocationLine]
    public let dataQuality: [QualityLine]

    public init(model: ProductModel, summary: FootprintSummary) {
        standard = "GB/T 24067-2024 / ISO 14067:2018"
        partial = model.boundary == .cradleToGate
        cutOff = model.cutOff
        func isFactor(_ key: String) -> Bool { key.hasPrefix("background:") || key.hasPrefix("grid:") }
        byGas = summary.byFlow.compactMap { flow in
            guard !isFactor(flow.key), let factor = flow.factor else { return nil }
            return GasLine(gas: flow.key, amountKg: flow.amount, gwp: factor, co2eKg: flow.co2eKg)
        }
        backgroundCo2eKg = summary.byFlow.filter { $0.key.hasPrefix("background:") }.map(\.co2eKg).reduce(0, +)
        gridCo2eKg = summary.byFlow.filter { $0.key.hasPrefix("grid:") }.map(\.co2eKg).reduce(0, +)
        keptApart = summary.byFlow.filter { $0.factor == nil && !isFactor($0.key) }
        allocations = model.processes.compactMap(Self.allocation)
        let factors = Dictionary(summary.byFlow.compactMap { flow in flow.factor.map { (flow.key, $0) } }) { a, _ in a }
        dataQuality = model.processes.map { Self.quality($0, factors: factors) }
    }

    private static func allocation(_ process: ProcessModel) -> AllocationLine? {
        guard let allocation = process.allocation, !process.coproducts.isEmpty else { return nil }
        let products = [process.output] + process.coproducts
        func shares(_ weights: [Double]) -> [String] {
            let total = weights.reduce(0, +)
            return weights.map { total > 0 ? String(format: "%.4f", $0 / total) : "—" }
        }
        let (method, detail): (String, [String]) =
            switch allocation {
            case .physical: ("physical", shares(products.map(\.amount)))
            case .economic: ("economic", shares(products.map { $0.amount * ($0.price ?? 0) }))
            case .factors(let values): ("factors", values.map { String(format: "%.4f", $0) })
            case .substitution: ("substitution", [""] + process.coproducts.map { $0.displaces ?? "" })
            }
        return AllocationLine(
            process: process.id, name: process.name, method: method, products: products.map(\.product), detail: detail)
    }

    private static func quality(_ process: ProcessModel, factors: [String: CitedFactor]) -> QualityLine {
        let uncertainties: [Uncertainty?] =
            process.inputs.map(\.uncertainty) + process.emissions.map(\.uncertainty)
            + process.background.map(\.uncertainty) + process.electricity.map(\.uncertainty)
        let pedigrees = uncertainties.compactMap { uncertainty -> [Int]? in
            if case .pedigree(let scores)? = uncertainty { return scores.scores }
            return nil
        }
        let pedigree: [Double]? =
            pedigrees.isEmpty
            ? nil : (0..<5).map { i in Double(pedigrees.map { $0[i] }.reduce(0, +)) / Double(pedigrees.count) }
        var sources: [String] = []
        var citations: [Citation] = []
        func cite(_ key: String, _ factor: CitedFactor?) {
            guard let factor else { return }
            let line = "\(key) — \(factor.source)" + (factor.year.map { " (\($0))" } ?? "")
            if !sources.contains(line) {
                sources.append(line)
                citations.append(Citation(key: key, source: factor.source, year: factor.year))
            }
        }
        for input in process.background { cite(input.factor, factors["background:\(input.factor)"]) }
        for input in process.electricity {
            let key = "grid:\(input.province):\(input.year)"
            cite(key, factors[key])
        }
        for emission in process.emissions { cite(emission.flow, factors[emission.flow]) }
        return QualityLine(
            process: process.id, name: process.name, exchanges: uncertainties.count,
            withUncertainty: uncertainties.count { $0 != nil }, pedigree: pedigree, sources: sources,
            citations: citations)
    }
}
