import Accounting
import Persistence

/// A library factor with its citation, as the inventory, lineage and factor pages list it.
struct FactorRow: Sendable {
    let id: String
    let set: String
    let kind: String
    let item: String
    let region: String
    let variant: String
    let year: String
    let value: String
    let unit: String
    let grade: String
    let gradeTitle: String
    let source: String
    let document: String?
    let published: String?
    let url: String?
    let notes: String?
    let anchor: String
}

extension FactorRow {
    /// A factor as an inventory recorded it when it was computed.
    init(stored factor: InventoryFactor, _ t: Words, _ language: Language) {
        self.init(
            id: factor.factorId, set: factor.factorSet, kindCode: factor.kind, itemCode: factor.item,
            regionCode: factor.region, variant: factor.variant, year: factor.year, value: factor.value,
            unit: factor.unit, gradeCode: factor.grade, source: factor.source, document: factor.document,
            published: factor.published, url: factor.url, notes: "", t, language)
    }

    /// A factor as the library holds it now.
    init(entry: FactorEntry, _ t: Words, _ language: Language) {
        self.init(
            id: entry.id, set: entry.setName, kindCode: entry.kind.rawValue, itemCode: entry.item,
            regionCode: entry.region, variant: entry.variant, year: entry.year, value: entry.value.number,
            unit: entry.unitText, gradeCode: entry.grade.rawValue, source: entry.source, document: entry.document,
            published: entry.published, url: entry.url, notes: entry.notes, t, language)
    }

    private init(
        id: String, set: String, kindCode: String, itemCode: String, regionCode: String, variant: String,
        year: Int?, value: Double, unit: String, gradeCode: String, source: String, document: String,
        published: String, url: String, notes: String, _ t: Words, _ language: Language
    ) {
        // The bundled citations in the page's language; a user's own set's words as typed.
        func words(_ text: String) -> String { ReferenceTexts.bundled.shown(text, language) }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : words(text) }
        self.init(
            id: id, set: set, kind: FactorKind(rawValue: kindCode)?.name(in: language) ?? kindCode,
            item: itemCode.isEmpty ? "—" : ItemCatalog.bundled.item(code: itemCode)?.name(in: language) ?? itemCode,
            region: RegionNames.factorRegion(regionCode, t, language), variant: variant,
            year: year.map(String.init) ?? "—",
            value: WebNumbers.plain(value), unit: words(unit), grade: gradeCode,
            gradeTitle: t.text(forKey: "grade_\(gradeCode)", else: gradeCode),
            source: words(source), document: optional(document), published: optional(published),
            // Only web addresses become links: a set's author could write `javascript:` here.
            url: url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil, notes: optional(notes),
            anchor: "factor-\(id)")
    }
}
