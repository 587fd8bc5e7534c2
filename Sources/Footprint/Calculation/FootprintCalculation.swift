import SparseLU

/// A product system factorised once, ready for its footprint, every product's footprint, its
/// contributions and Monte Carlo draws.
public struct FootprintCalculation: Sendable {
    public let system: SystemMatrices
    let factors: SparseLU

    public init(_ system: SystemMatrices) throws(FootprintProblems) {
        self.system = system
        do {
            factors = try SparseLU(system.technosphere)
        } catch {
            throw FootprintProblems(problems: [Self.problem(error, system)])
        }
    }

    /// The footprint of the declared unit: s = A⁻¹ f, g = B s, h = c · g, and where it comes from.
    public func result() -> FootprintResult {
        let scaling = factors.solve(system.demand)
        let inventory = system.interventions.multiply(scaling)
        let byFlow = zip(inventory, system.characterisation).map { $0 * $1 }
        // Per process: c · B[:, j] s_j.
        let perColumn = system.interventions.multiplyTransposed(system.characterisation)
        let byColumn = zip(perColumn, scaling).map { $0 * $1 }
        var byStage: [LifeCycleStage: Double] = [:]
        for (column, value) in zip(system.columns, byColumn) { byStage[column.stage, default: 0] += value }
        return FootprintResult(
            total: byFlow.reduce(0, +), scaling: scaling, inventory: inventory, byFlow: byFlow, byColumn: byColumn,
            byStage: byStage, unitScores: unitScores(perColumn))
    }

    /// kg CO2e per unit of every column's product, all at once: Aᵀ x = Bᵀ c (one transposed solve).
    func unitScores(_ direct: [Double]) -> [Double] { factors.solveTransposed(direct) }

    static func problem(_ error: any Error, _ system: SystemMatrices) -> FootprintProblem {
        switch error as? SparseLUError {
        case .singular(let column):
            let where_ = system.columns[column]
            return FootprintProblem(process: where_.processID, kind: .singular, arguments: ["product": where_.product])
        case .cycleTooLarge(let size, _):
            return FootprintProblem(process: nil, kind: .cycleTooLarge, arguments: ["size": "\(size)"])
        case .notFinite(_, let column):
            return FootprintProblem(process: system.columns[column].processID, kind: .notFinite)
        default:
            return FootprintProblem(process: nil, kind: .notFinite)
        }
    }
}

/// The footprint of a declared unit and its parts, in kg CO2e.
public struct FootprintResult: Sendable, Equatable {
    public let total: Double
    /// How much of each column the declared unit needs (negative for a displaced product).
    public let scaling: [Double]
    /// Each flow's amount in its unit.
    public let inventory: [Double]
    public let byFlow: [Double]
    /// Each column's own emissions at its scale (its direct contribution).
    public let byColumn: [Double]
    public let byStage: [LifeCycleStage: Double]
    /// kg CO2e per unit of each column's product, with all it needs upstream.
    public let unitScores: [Double]
}
