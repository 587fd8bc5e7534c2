/// Whose carbon-peak plan: a region's (a province, city or county, by its six-digit code) or a
/// unit's (a supervisor, group or enterprise, by its id).
public enum PlanSubject: Sendable, Hashable {
    case region(String)
    case unit(Int64)

    /// As stored: `subject_kind` and `subject_key`.
    var kind: String {
        switch self {
        case .region: "region"
        case .unit: "unit"
        }
    }

    var key: String {
        switch self {
        case .region(let code): code
        case .unit(let id): String(id)
        }
    }

    init?(kind: String, key: String) {
        switch kind {
        case "region": self = .region(key)
        case "unit":
            guard let id = Int64(key) else { return nil }
            self = .unit(id)
        default: return nil
        }
    }

    /// The region's code, for a region's plan.
    public var regionCode: String? {
        if case .region(let code) = self { return code }
        return nil
    }

    /// The unit's id, for a unit's plan.
    public var unitID: Int64? {
        if case .unit(let id) = self { return id }
        return nil
    }

    /// How the audit trail names it: the region's code, or `unit-<id>`.
    public var auditID: String {
        switch self {
        case .region(let code): code
        case .unit(let id): "unit-\(id)"
        }
    }
}
