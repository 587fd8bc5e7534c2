import Accounting

/// A footprint as a declaration shows it: the declared unit and boundary, the total, its parts by
/// stage, by gas and factor, and by process, the battery figure per kWh, the uncertainty range and
/// the notes — the one model the command line, the API and the pages render.
public struct FootprintSummary: Sendable, Codable, Equatable {
    public struct Part: Sendable, Codable, Equatable {
        /// A stage's code, a gas's formula, `background:<id>` or `grid:<province>:<year>`.
        public let key: String
        public let co2eKg: Double
        public let share: Double
    }

    /// A battery rules' stage: its kg CO2e for the declared unit and per kWh of lifetime energy.
    public struct BatteryPart: Sendable, Codable, Equatable {
        public let stage: BatteryStage
        public let co2eKg: Double
        public let perLifetimeKilowattHour: Double
    }

    /// The lifetime energy a battery's figure per kWh divides by, and where its cycles come from.
    public struct BatteryBasis: Sendable, Codable, Equatable {
        public let capacityKilowattHours: Double
        public let cyclesPerYear: Double
        public let years: Double
        public let lifetimeEnergyKWh: Double
        /// The vehicle category whose default the battery rules fix, when the model names one.
        public let vehicleCategory: String?
        /// The source of the default cycles and its grade (V, S, U); nil when the model states its own.
        public let cyclesSource: String?
        public let cyclesGrade: String?
    }

    public struct FlowLine: Sendable, Codable, Equatable {
        public let key: String
        public let amount: Double
        public let unit: String
        public let co2eKg: Double
        /// The characterisation factor and where it comes from (nil when not characterised).
        public let factor: CitedFactor?
    }

    public struct ProcessLine: Sendable, Codable, Equatable {
        public let process: String
        public let name: String
        public let product: String
        public let stage: LifeCycleStage
        /// How much of the product the declared unit needs, in its unit.
        public let amount: Double
        public let unit: String
        /// The process's own emissions at that amount.
        public let directCo2eKg: Double
        public let share: Double
    }

    public let model: String
    public let declaredAmount: Double
    public let declaredUnit: String
    public let declaredProduct: String
    public let boundary: SystemBoundary
    public let gwpSet: String
    public let totalCo2eKg: Double
    public let byStage: [Part]
    public let byFlow: [FlowLine]
    public let byProcess: [ProcessLine]
    /// kg CO2e per kWh of lifetime energy, for a battery model.
    public let perLifetimeKilowattHour: Double?
    /// For a battery model, the four stages of the battery rules (the use stage is outside them).
    public let batteryStages: [BatteryPart]?
    public let batteryBasis: BatteryBasis?
    public let uncertainty: MonteCarloSummary?
    public let notes: [String]
}

extension FootprintCalculation {
    /// The summary of `result` for `model`, its messages in `language`.
    public func summary(
        of model: ProductModel, result: FootprintResult, gwpSet: String, uncertainty: MonteCarloSummary? = nil,
        language: Language
    ) -> FootprintSummary {
        let total = result.total
        func share(_ value: Double) -> Double { total == 0 ? 0 : value / total }
        let stages = LifeCycleStage.allCases.compactMap { stage in
            result.byStage[stage].map { FootprintSummary.Part(key: stage.rawValue, co2eKg: $0, share: share($0)) }
        }
        let flows = system.flows.indices.map { row in
            let flow = system.flows[row]
            let key: String =
                switch flow.kind {
                case .gas(let gas): gas
                case .other(let name): name
                case .background(let id): "background:\(id)"
                case .grid(let province, let year): "grid:\(province):\(year)"
                }
            return FootprintSummary.FlowLine(
                key: key, amount: result.inventory[row], unit: flow.unit.symbol, co2eKg: result.byFlow[row] + 0,  // + 0: no "-0" for an uncounted credit
                factor: flow.factor)
        }.sorted { abs($0.co2eKg) > abs($1.co2eKg) }
        let processes = system.columns.indices.map { c in
            let column = system.columns[c]
            let output = system.netOutput(c)
            return FootprintSummary.ProcessLine(
                process: column.processID, name: model.processes[column.process].name, product: column.product,
                stage: column.stage, amount: result.scaling[c] * output, unit: column.unit.symbol,
                directCo2eKg: result.byColumn[c], share: share(result.byColumn[c]))
        }.sorted { abs($0.directCo2eKg) > abs($1.directCo2eKg) }
        let declared = system.columns[system.declaredColumn]
        return FootprintSummary(
            model: model.name, declaredAmount: model.declaredUnit.amount, declaredUnit: model.declaredUnit.unit.symbol,
            declaredProduct: declared.product, boundary: model.boundary, gwpSet: gwpSet, totalCo2eKg: total,
            byStage: stages, byFlow: flows, byProcess: processes,
            perLifetimeKilowattHour: model.battery.map { total / $0.lifetimeEnergyKWh },
            batteryStages: model.battery.map { rating in
                BatteryStage.allCases.map { stage in
                    let value = result.byStage.filter { $0.key.batteryStage == stage }.map(\.value).reduce(0, +)
                    return FootprintSummary.BatteryPart(
                        stage: stage, co2eKg: value, perLifetimeKilowattHour: value / rating.lifetimeEnergyKWh)
                }
            }, batteryBasis: model.battery.map(Self.basis), uncertainty: uncertainty,
            notes: system.notes.map { $0.message(language) })
    }

    private static func basis(_ rating: BatteryRating) -> FootprintSummary.BatteryBasis {
        let fromRules = rating.cyclesPerYear == nil ? rating.defaultCycles : nil
        return FootprintSummary.BatteryBasis(
            capacityKilowattHours: rating.capacityKilowattHours, cyclesPerYear: rating.cycles ?? .nan,
            years: rating.years, lifetimeEnergyKWh: rating.lifetimeEnergyKWh,
            vehicleCategory: rating.defaultCycles?.vehicleCategory ?? rating.vehicleCategory,
            cyclesSource: fromRules?.source, cyclesGrade: fromRules?.grade)
    }
}
