import Accounting

/// A cell that names one of a vocabulary by its code or by its name in either language
/// (`efficiency`, `节能改造`, `energy efficiency`): the code, or the text as given when it names
/// none (the domain's own check then lists the codes).
enum CodeOrName {
    static func code<T: RawRepresentable & CaseIterable>(
        _ text: String, _ name: (T, Language) -> String
    ) -> String where T.RawValue == String {
        let key = text.trimmed.lowercased()
        for value in T.allCases
        where value.rawValue == key || [Language.zh, .en].contains(where: { name(value, $0).lowercased() == key }) {
            return value.rawValue
        }
        return text.trimmed
    }

    /// A yes/no cell: `是`, `yes`, `true`, `1`, `y`, `逾期` are yes; empty is no.
    static func yes(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "": false
        case "是", "yes", "y", "true", "1", "1.0", "逾期", "x", "✓": true
        case "否", "no", "n", "false", "0", "0.0": false
        default: nil
        }
    }
}

extension TableRow {
    /// An issue at a field's cell; when the file lacks the column, the column is named by its header
    /// in the template (so the reader still sees which one).
    func issue(_ field: String, _ problem: Problem, kind: Templates.Kind, language: Language) -> InputIssue {
        var issue = issue(field, problem)
        if issue.column == nil {
            issue.column = kind.columns.first { $0.field == field }?.header(language) ?? field
        }
        return issue
    }
}
