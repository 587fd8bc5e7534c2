import Accounting
import ArgumentParser

/// The text of `peakzero factors list` and `peakzero factors show`.
struct FactorBrowser {
    let library: FactorLibrary
    let language: Language
    var catalog: ItemCatalog = .bundled

    static func library(adding files: [String], language: Language) throws -> FactorLibrary {
        do throws(InputIssues) {
            return try InputFile.library(adding: files)
        } catch {
            throw ValidationError(error.issues.map { $0.message(in: language) }.joined(separator: "\n"))
        }
    }

    var entries: [FactorEntry] { library.userSets.flatMap(\.entries) + library.bundled.entries }

    func list(kind: FactorKind?) -> String {
        var items = TextTable(header: language.columns(.itemsHeader))
        items.rows = catalog.items.map {
            [
                $0.code, $0.name(in: language), language == .zh ? $0.nameEn : $0.nameZh, $0.kind.rawValue,
                $0.dimension.rawValue,
            ]
        }
        var factors = TextTable(header: language.columns(.factorsHeader))
        factors.rightAligned = [6]
        factors.rows = entries.filter { kind == nil || $0.kind == kind }.map {
            [
                $0.id, $0.kind.rawValue, $0.item, $0.region, $0.variant, $0.year.map(String.init) ?? "",
                String($0.value.number), $0.unitText, $0.grade.rawValue, $0.setName,
            ]
        }
        let legend = language.word(.gradesLegend)
        let library = language.word(.factorLibrary, ["version": self.library.version])
        return [library, "", items.render(), "", factors.render(), "", legend].joined(separator: "\n")
    }

    func show(itemNamed name: String) -> String? {
        guard let item = catalog.item(named: name) else { return nil }
        let word = { (key: CLIWords) in language.word(key) }
        let related = entries.filter { $0.item == item.code || (item.kind == .fuel && $0.kind == .standardCoalHeat) }
        var blocks = ["\(item.nameZh) / \(item.nameEn) (\(item.code))"]
        for entry in related {
            var lines = [
                "\(entry.id)  \(entry.kind.name(in: language)) = \(entry.value.number) \(entry.unitText)  [\(word(.grade)) \(entry.grade.rawValue)]"
            ]
            let fields: [(String, String)] = [
                (word(.fieldRegion), entry.region), (word(.fieldVariant), entry.variant),
                (word(.fieldYear), entry.year.map(String.init) ?? ""), (word(.fieldSource), entry.source),
                (word(.fieldDocument), entry.document), (word(.fieldPublished), entry.published),
                ("url", entry.url), (word(.fieldNotes), entry.notes), (word(.fieldSet), entry.setName),
            ]
            lines += fields.filter { !$0.1.isEmpty }.map { "    \($0.0): \($0.1)" }
            blocks.append(lines.joined(separator: "\n"))
        }
        if related.isEmpty { blocks.append(word(.noFactorsForItem)) }
        return blocks.joined(separator: "\n\n")
    }
}
