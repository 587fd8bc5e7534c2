import Accounting

/// The Scope 3 section a page or a report shows: each category with its emissions, methods and
/// data quality, the upstream, downstream and whole totals, the exclusions with their reasons, and
/// the categories not assessed — always with the note that none of it is in Scope 1 and 2's totals.
struct Scope3Section: Sendable {
    struct Row: Sendable {
        let key: String
        let name: String
        let cells: [String]
    }

    let rows: [Row]
    let totals: [Row]
    let exclusions: [Row]
    let notAssessed: String
    let hasRows: Bool
    let hasExclusions: Bool
    let hasNotAssessed: Bool

    init(_ summary: Scope3Summary, language: Language) {
        func name(_ number: Int) -> String { Scope3Category(rawValue: number)?.name(in: language) ?? String(number) }
        let total = summary.totalTonnes
        rows = summary.categories.map { category in
            Row(
                key: String(category.category), name: name(category.category),
                cells: [
                    WebNumbers.grouped(category.tonnes, decimals: 3),
                    total > 0 ? WebNumbers.grouped(category.tonnes / total * 100, decimals: 1) + " %" : "—",
                    category.methods.map { $0.name(in: language) }.joined(separator: language.listSeparator),
                    WebNumbers.grouped(category.weightedTier, decimals: 1), String(category.rows),
                ])
        }
        let zh = language == .zh
        totals = [
            (zh ? "上游(类别 1–8)" : "Upstream (categories 1–8)", summary.upstreamTonnes),
            (zh ? "下游(类别 9–15)" : "Downstream (categories 9–15)", summary.downstreamTonnes),
            (zh ? "范围三合计" : "Scope 3 total", total),
        ].map { Row(key: "", name: $0.0, cells: [WebNumbers.grouped($0.1, decimals: 3)]) }
        exclusions = summary.exclusions.map {
            Row(key: String($0.category), name: name($0.category), cells: [$0.reason])
        }
        notAssessed = summary.notAssessed.map { "\($0) \(name($0))" }.joined(separator: language.clauseSeparator)
        hasRows = !rows.isEmpty
        hasExclusions = !exclusions.isEmpty
        hasNotAssessed = !summary.notAssessed.isEmpty
    }
}
