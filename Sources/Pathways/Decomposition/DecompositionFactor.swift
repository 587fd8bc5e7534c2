import Accounting

/// The factors LMDI splits a change in emissions into. Emissions V are written as a sum over
/// sectors i and carriers j of a product of five factors:
///
///     V = Σ_i Σ_j Q · S_i · I_i · M_ij · U_ij
///     Q = Σ_i Q_i (activity)   S_i = Q_i / Q   I_i = E_i / Q_i   M_ij = E_ij / E_i   U_ij = C_ij / E_ij
///
/// with Q_i a sector's activity, E_ij its energy from carrier j (E_i their sum) and C_ij the CO2
/// from it. Without a carrier breakdown there is one carrier per sector and `mix` is always 1.
public enum DecompositionFactor: String, CaseIterable, Codable, Sendable, Comparable {
    case activity, structure, intensity, mix
    case emissionFactor = "emission_factor"

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }

    public var name: Name { Name(rawValue: rawValue)! }

    /// The factor's name and definition, for tables and for a reader who re-derives a result.
    public enum Name: String, MessageKey {
        case activity, structure, intensity, mix
        case emission_factor
    }

    public enum Definition: String, MessageKey {
        case activity, structure, intensity, mix
        case emission_factor, weight
    }

    public func definition(_ language: Language) -> String {
        Self.definitions.text(Definition(rawValue: rawValue)!, language)
    }

    public static let names = Catalogue<Name>(
        zh: [
            .activity: "规模效应", .structure: "结构效应", .intensity: "能耗强度效应", .mix: "能源结构效应",
            .emission_factor: "排放因子效应",
        ],
        en: [
            .activity: "activity", .structure: "structure", .intensity: "energy intensity", .mix: "carrier mix",
            .emission_factor: "emission factor",
        ])

    public static let definitions = Catalogue<Definition>(
        zh: [
            .activity: "Q = Σ_i Q_i：各部门活动水平（增加值或产量）之和",
            .structure: "S_i = Q_i / Q：部门 i 在活动总量中的占比",
            .intensity: "I_i = E_i / Q_i：部门 i 的单位活动能耗",
            .mix: "M_ij = E_ij / E_i：部门 i 能耗中能源品种 j 的占比",
            .emission_factor: "U_ij = C_ij / E_ij：部门 i 使用能源品种 j 的单位能耗排放",
            .weight:
                "ΔV_x = Σ_ij L(V_ij^T, V_ij^0) · ln(x_ij^T / x_ij^0)，L(a, b) = (a − b) / (ln a − ln b)；乘法形式 D_x = exp(ΔV_x / L(V^T, V^0))；某年为零的项取 Ang、Zhang、Choi（1998）的解析极限",
        ],
        en: [
            .activity: "Q = Σ_i Q_i: the sectors' activity (value added or output) summed",
            .structure: "S_i = Q_i / Q: sector i's share of activity",
            .intensity: "I_i = E_i / Q_i: sector i's energy per unit of activity",
            .mix: "M_ij = E_ij / E_i: carrier j's share of sector i's energy",
            .emission_factor: "U_ij = C_ij / E_ij: CO2 per unit of energy of carrier j in sector i",
            .weight:
                "ΔV_x = Σ_ij L(V_ij^T, V_ij^0) · ln(x_ij^T / x_ij^0), L(a, b) = (a − b) / (ln a − ln b); multiplicative D_x = exp(ΔV_x / L(V^T, V^0)); a term that is zero in one year takes the analytical limit of Ang, Zhang & Choi (1998)",
        ])
}

/// Additive LMDI explains a difference (tonnes); multiplicative a ratio (an index).
public enum DecompositionForm: String, Codable, Sendable, CaseIterable {
    case additive, multiplicative
}
