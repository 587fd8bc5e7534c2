import Accounting

/// A user's set of background factors: the cradle-to-gate footprint of a material, a transport
/// service or any input the model does not build from processes — each with its source, like every
/// other number in PeakZero.
///
/// CSV columns: `id,name,value,unit,source,year`, where `unit` is `kgCO2e/<unit of the flow>`
/// (`kgCO2e/kg`, `kgCO2e/t`, `kgCO2e/t*km`, `kgCO2e/kWh`, `kgCO2e/item`) or the same with `tCO2e/`.
public struct BackgroundFactorSet: Sendable {
    public let name: String
    public let factors: [String: (factor: CitedFactor, unit: FlowUnit)]

    public static let empty = BackgroundFactorSet(name: "", factors: [:])

    init(name: String, factors: [String: (factor: CitedFactor, unit: FlowUnit)]) {
        self.name = name
        self.factors = factors
    }

    /// Reads the CSV; every bad row is reported by its line number as the file shows it.
    public init(csv text: String, name: String) throws(FootprintProblems) {
        var problems: [FootprintProblem] = []
        var factors: [String: (factor: CitedFactor, unit: FlowUnit)] = [:]
        let records: [[String]]
        do {
            records = try CSVTable(parsing: text).records
        } catch {
            throw FootprintProblems(problems: [FootprintProblem(process: nil, exchange: name, kind: .unreadable)])
        }
        let header = records.first?.map { $0.trimmed.lowercased() } ?? []
        for (offset, row) in records.dropFirst().enumerated() {
            let line = "\(name):\(offset + 2)"
            func field(_ column: String) -> String {
                guard let index = header.firstIndex(of: column), index < row.count else { return "" }
                return row[index].trimmed
            }
            let id = field("id")
            guard !id.isEmpty else {
                problems.append(
                    FootprintProblem(
                        process: nil, exchange: line, kind: .unknownFactor, arguments: ["factor": "(empty)"]))
                continue
            }
            guard let value = Double(field("value")), value.isFinite, abs(value) <= 1e12 else {
                problems.append(FootprintProblem(process: nil, exchange: "\(line) value", kind: .notFinite))
                continue
            }
            let unitText = field("unit")
            guard let (scale, unit) = Self.perUnit(unitText) else {
                problems.append(
                    FootprintProblem(
                        process: nil, exchange: "\(line) unit", kind: .unitMismatch,
                        arguments: [
                            "unit": unitText, "dimension": "?", "product": id, "expected": "kgCO2e/…",
                            "expectedDimension": "kgCO2e",
                        ]))
                continue
            }
            let source = field("source")
            guard !source.isEmpty else {
                problems.append(FootprintProblem(process: nil, exchange: "\(line) source", kind: .missingSource))
                continue
            }
            factors[id] = (CitedFactor(value: value * scale, id: id, source: source, year: Int(field("year"))), unit)
        }
        guard problems.isEmpty else { throw FootprintProblems(problems: problems) }
        self.init(name: name, factors: factors)
    }

    /// Reads `kgCO2e/<unit>` or `tCO2e/<unit>`: the factor's scale to kg CO2e and the unit it is per.
    static func perUnit(_ text: String) -> (scale: Double, unit: FlowUnit)? {
        let parts = text.split(separator: "/", maxSplits: 1).map { String($0).trimmed.lowercased() }
        let scale: Double? = parts.first == "kgco2e" ? 1 : (parts.first == "tco2e" ? 1000 : nil)
        guard parts.count == 2, let scale, let unit = FlowUnit(parsing: parts[1]) else { return nil }
        return (scale, unit)
    }
}
