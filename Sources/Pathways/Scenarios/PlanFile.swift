import Foundation

/// A plan as a planner writes it in JSON (snake_case keys): the base year — given, or read from a
/// region's stored statistics — and the scenarios.
///
///     {"region": "510000", "base_year": 2020, "plateau_tolerance": 0.01,
///      "scenarios": [{"id": "baseline", "name": "基准情景", "horizon": 2060,
///                     "gdp_growth": {"2021": 0.06, "2026": 0.05},
///                     "areas": {"industry": {"intensity_change": {"2021": -0.03}}},
///                     "emission_factors": {"electricity": {"2030": 3.5, "2060": 0.5}}},
///                    {"id": "policy", "name": "政策情景", "parent": "baseline", "levers": [...]}]}
public struct PlanFile: Sendable, Equatable, Codable {
    public var region: String?
    public var baseYear: Int?
    public var base: PlanBase?
    public var plateauTolerance: Double?
    public var scenarios: [ScenarioDefinition]
    /// The targets a project review judges against.
    public var targets: [PlanTarget]?

    public init(
        region: String? = nil, baseYear: Int? = nil, base: PlanBase? = nil, plateauTolerance: Double? = nil,
        scenarios: [ScenarioDefinition]
    ) {
        self.region = region
        self.baseYear = baseYear
        self.base = base
        self.plateauTolerance = plateauTolerance
        self.scenarios = scenarios
    }

    /// The plan in a file's bytes; a message naming the field when the JSON does not fit.
    public static func decode(_ data: Data) throws(PlanFileError) -> PlanFile {
        let decoder = JSONDecoder()
        do { return try decoder.decode(PlanFile.self, from: data) } catch let error as DecodingError {
            throw PlanFileError(error)
        } catch { throw PlanFileError(field: "", reason: "\(error)") }
    }
}

/// Why a plan file cannot be read: the field's path and what is wrong with it.
public struct PlanFileError: Error, Sendable, Equatable {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public init(_ error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: path(context.codingPath + [key]), reason: "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            self.init(field: path(context.codingPath), reason: context.debugDescription)
        case .dataCorrupted(let context):
            self.init(field: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            self.init(field: "", reason: "\(error)")
        }
    }
}
