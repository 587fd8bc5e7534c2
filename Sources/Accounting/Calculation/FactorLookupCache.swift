/// Remembers factor lookups during one calculation: a province-sized inventory asks the same few
/// hundred questions (item × province × year) millions of times.
final class FactorLookupCache {
    struct Key: Hashable {
        let kind: FactorKind
        let item: String
        let variant: String?
        let variantIsRequired: Bool
        let province: String?
        let year: Int?
    }

    let library: FactorLibrary
    private var answers: [Key: (entry: FactorEntry, notes: [LineageNote])?] = [:]

    init(library: FactorLibrary) { self.library = library }

    func lookup(
        _ kind: FactorKind, item: String, variant: String? = nil, variantIsRequired: Bool = false,
        province: String? = nil, year: Int? = nil
    ) -> (entry: FactorEntry, notes: [LineageNote])? {
        let key = Key(
            kind: kind, item: item, variant: variant, variantIsRequired: variantIsRequired, province: province,
            year: year)
        if let known = answers[key] { return known }
        let answer = library.lookup(
            kind, item: item, variant: variant, variantIsRequired: variantIsRequired, province: province, year: year)
        answers[key] = answer
        return answer
    }
}
