import Accounting
import SparseLU

/// A product model as matrices: the technosphere A (each column a process — or a share of a
/// multi-output process — scaled to make its one product; each row that product), the
/// interventions B (each row a flow: a gas, another elementary flow, a background factor, a
/// province's grid electricity), the characterisation vector c (kg CO2e per unit of each flow) and
/// the demand f (the declared unit). Built by `SystemMatrices.build`, which checks the model and
/// reports every problem by process and exchange.
public struct SystemMatrices: Sendable {
    /// A column: one product of one process, carrying `share` of the process's burdens.
    public struct Column: Sendable, Equatable {
        public let process: Int
        public let processID: String
        public let product: String
        public let unit: FlowUnit
        /// How much of the product one run of the column makes (its diagonal entry).
        public let output: Double
        public let share: Double
        public let stage: LifeCycleStage
    }

    public enum FlowKind: Sendable, Equatable {
        case gas(String), other(String), background(String), grid(province: String, year: Int)
    }

    /// A row of B.
    public struct Flow: Sendable, Equatable {
        public let kind: FlowKind
        public let unit: FlowUnit
        /// Where its characterisation factor comes from; nil for a flow that is not characterised.
        public let factor: CitedFactor?
    }

    /// An entry whose value is drawn in Monte Carlo: value = scale × draw(amount).
    struct UncertainEntry: Sendable {
        let inTechnosphere: Bool
        let position: Int
        let amount: Double
        let scale: Double
        let uncertainty: Uncertainty
    }

    public let columns: [Column]
    public let flows: [Flow]
    public let technosphere: SparseMatrix
    public let interventions: SparseMatrix
    public let characterisation: [Double]
    public let demand: [Double]
    public let declaredColumn: Int
    /// Problems that do not stop the calculation (a gas the GWP set lacks).
    public let notes: [FootprintProblem]
    let uncertain: [UncertainEntry]

    public var uncertainExchangeCount: Int { uncertain.count }

    /// What one run of column c delivers: its output less what it takes of its own product (the
    /// diagonal of A).
    public func netOutput(_ c: Int) -> Double { technosphere.values[technosphere.position(row: c, column: c)!] }
}

extension SystemMatrices {
    /// Checks `model` and builds its matrices; every problem found is reported at once.
    public static func build(_ model: ProductModel, factors: any FootprintFactors) throws(FootprintProblems)
        -> SystemMatrices
    {
        var builder = MatrixBuilder(model: model, factors: factors)
        return try builder.build()
    }
}
