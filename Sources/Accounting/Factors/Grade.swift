/// How far a factor's value is confirmed: V verified by two transcriptions or a direct quote of
/// the official text, S from a single secondary source, U unverified.
public enum Grade: String, Sendable, Hashable, CaseIterable, Comparable {
    case verified = "V"
    case singleSource = "S"
    case unverified = "U"

    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
