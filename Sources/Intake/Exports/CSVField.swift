/// One field of a CSV file PeakZero writes. Quoted when it holds a comma, a quote or a line break
/// (RFC 4180). Text a spreadsheet would run as a formula — it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return and is not a plain number — is led by an apostrophe, so Excel and WPS show
/// it as text: an account name typed as `=HYPERLINK(…)` stays a name when the audit trail is opened.
public enum CSVField {
    public static func escape(_ field: String) -> String {
        let safe = neutralised(field)
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The field with an apostrophe before it when a spreadsheet would read it as a formula.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, formulaStarts.contains(first) else { return field }
        // -5 and +3 are numbers, and stay numbers.
        if Double(field)?.isFinite == true { return field }
        return "'" + field
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
