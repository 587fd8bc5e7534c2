import Accounting

/// The punctuation that joins a page's words: Chinese writes lists with 、 and clauses with ；
/// and brackets full width; English uses the ASCII marks.
extension Language {
    /// Between the items of a list: "成都市、绵阳市" / "Chengdu, Mianyang".
    var listSeparator: String { self == .zh ? "、" : ", " }
    /// Between the parts of one clause: "煤 200 万，电 600 万" / "coal 2 M, electricity 6 M".
    var commaSeparator: String { self == .zh ? "，" : ", " }
    /// After a label: "张三：已核对" / "Zhang: checked".
    var colon: String { self == .zh ? "：" : ": " }
    /// Between clauses: "…的 101%；至今…" / "…of the limit; to date…".
    var clauseSeparator: String { self == .zh ? "；" : "; " }
    /// A remark in brackets after a word: "（2025-12-31）" / " (2025-12-31)".
    func bracketed(_ text: String) -> String { self == .zh ? "（\(text)）" : " (\(text))" }
}
