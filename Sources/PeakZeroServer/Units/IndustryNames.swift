import Accounting

/// How pages show an industry code: "C30 非金属矿物制品业" from the bundled GB/T 4754-2017 table.
enum IndustryNames {
    static func label(_ code: String?, _ language: Language) -> String {
        guard let code, !code.isEmpty, code != "—" else { return "—" }
        return IndustryClassification.bundled.label(ofIndustry: code, language)
    }
}
