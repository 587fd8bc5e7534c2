import Accounting

/// The words a units sheet may use for a unit's level and reporting class: the stored English
/// names, or their Chinese names as people write them.
enum UnitVocabulary {
    static let levels: [(ReportingUnit.Level, zh: String)] = [
        (.supervisor, "监管机构"), (.group, "集团"), (.enterprise, "企业"), (.facility, "设施"),
    ]
    static let reportingClasses: [(ReportingUnit.ReportingClass, zh: String)] = [
        (.monthly, "月报"), (.quarterly, "季报"), (.yearly, "年报"),
    ]

    /// The stored name of a level written either way; the text unchanged when it is neither, so
    /// that the store's check names it.
    static func level(_ text: String) -> String {
        levels.first { $0.0.rawValue == text.lowercased() || $0.zh == text }?.0.rawValue ?? text
    }

    static func reportingClass(_ text: String) -> String {
        reportingClasses.first { $0.0.rawValue == text.lowercased() || $0.zh == text }?.0.rawValue ?? text
    }
}
