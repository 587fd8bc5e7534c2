import Foundation
import Persistence
import SQLKit

/// Whether a page speaks only its own language: no English word in a Chinese page, no Chinese
/// character in an English one — outside what users typed (unit names, sources, titles), which
/// stays as typed, and outside text marked with another `lang` (the switch to the other language,
/// a publication's own title).
enum LanguagePurity {
    /// The page's visible texts and the texts of its tooltips and labels, each once, without
    /// scripts, styles and what carries another `lang` or `translate="no"`.
    static let pageTexts = """
        (() => {
          const lang = document.documentElement.lang;
          const foreign = e => { const l = e.closest("[lang]"); return (l && l.lang !== lang) || e.closest("[translate=no]"); };
          const texts = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            // Code, stored records shown verbatim and what a user edits are not prose.
            if (!parent || parent.closest("script, style, noscript, code, pre, textarea, kbd, samp") || foreign(parent)) continue;
            const text = node.textContent.trim();
            if (text) texts.add(text);
          }
          for (const e of document.querySelectorAll("[title], [placeholder], [aria-label], [alt]")) {
            if (foreign(e)) continue;
            for (const name of ["title", "placeholder", "aria-label", "alt"]) {
              const value = (e.getAttribute(name) || "").trim();
              if (value) texts.add(value);
            }
          }
          return Array.from(texts);
        })()
        """

    /// Latin words a Chinese page may hold: unit symbols, the product's name, and names of
    /// standards and instruments that Chinese texts write in Latin letters too.
    static let latinInChinese: Set<String> = [
        "tce", "kgce", "gce", "kcal", "PeakZero", "Excel", "GitHub", "openLCA",
    ]

    /// The slips in `texts` for a page in `language` ("zh" or "en"): each as the word (or
    /// character) and the text around it. `typed` are texts users typed, taken out first.
    static func slips(in texts: [String], language: String, typed: [String]) -> [String] {
        let typed = typed.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        var slips: [String] = []
        for text in texts {
            var rest = text
            for value in typed where rest.contains(value) { rest = rest.replacingOccurrences(of: value, with: " ") }
            // A name shortened to fit ("天府农牧与新材料集团有限公司（…") is still the name.
            if rest.hasSuffix("…"), typed.contains(where: { $0.hasPrefix(String(rest.dropLast()).trimmingCharacters(in: .whitespaces)) }) {
                continue
            }
            if let found = language == "zh" ? englishWord(in: rest) : chineseCharacter(in: rest) {
                slips.append("\(found) in “\(text.prefix(80))”")
            }
        }
        return slips
    }

    /// The first word of English in a Chinese text: three or more letters with two lower-case ones
    /// side by side ("electricity", "Monte"), not a symbol written beside digits ("tCO2e", "CH4").
    static func englishWord(in text: String) -> String? {
        // Addresses, file names and paths are names, whatever their letters: a token with a slash
        // or a dot between letters ("https://…", "globalwarmingpotentials.csv", "kgce/kWh").
        let separators: Set<Character> = ["（", "）", "(", ")", "，", "、", "；", "：", "《", "》", "“", "”", ","]
        let words = text.split { $0.isWhitespace || separators.contains($0) }.filter { token in
            !(token.contains("/") || token.contains(where: \.isLetter) && token.dropFirst().dropLast().contains("."))
        }
        let characters = Array(words.joined(separator: " "))
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isLetter else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isLetter { end += 1 }
            let word = String(characters[index..<end])
            let besideDigit =
                (index > 0 && characters[index - 1].isASCII && characters[index - 1].isNumber)
                || (end < characters.count && characters[end].isASCII && characters[end].isNumber)
            let lowerPair = zip(word, word.dropFirst()).contains { $0.isLowercase && $1.isLowercase }
            // Roman numerals number a standard's clauses: "29(a)(iii)".
            let roman = word.allSatisfy { "ivxlc".contains($0) }
            if word.count >= 3, lowerPair, !besideDigit, !roman, !latinInChinese.contains(word) { return word }
            index = end
        }
        return nil
    }

    /// The first Chinese character or full-width punctuation mark in an English text.
    static func chineseCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF5E:
                return String(scalar)
            default: continue
            }
        }
        return nil
    }

    /// What users typed in the demo database: names, titles, sources, notes, references; and the
    /// names inside stored plans and models. Codes and kinds the software writes are not among them,
    /// so a raw code shown on a page is still caught.
    static func typedTexts(_ database: PeakZeroDatabase) async throws -> [String] {
        let columns = [
            ("units", "name"), ("units", "code"), ("record_batches", "file_name"), ("activity_records", "source"),
            ("targets", "name"), ("measures", "title"), ("measures", "owner_person"), ("measure_notes", "text"),
            ("measure_notes", "evidence"), ("findings", "text"), ("review_steps", "reason"),
            ("reduction_projects", "name"), ("reduction_projects", "code"), ("asset_events", "reference"),
            ("asset_events", "methodology"), ("asset_events", "counterparty"), ("asset_events", "retired_for"),
            ("asset_prices", "source"), ("market_rules", "source"), ("market_rules", "document"),
            ("market_rules", "notes"), ("compliance_years", "allocation_source"), ("users", "name"),
            ("project_reviews", "project_name"), ("footprint_models", "name"), ("api_tokens", "name"),
            ("report_narratives", "text"), ("scope3_records", "excluded_reason"), ("compliance_years", "sector"),
            // Accounts and the command line's users by name; PeakZero's own "system" is a word it translates.
            ("audit_log", "actor"),
        ]
        var texts: Set<String> = []
        for (table, column) in columns {
            let rows = try await database.sql.raw(
                SQLQueryString("SELECT DISTINCT \(column) AS v FROM \(table) WHERE \(column) IS NOT NULL")
            ).all()
            for row in rows { if let value = try? row.decode(column: "v", as: String.self) { texts.insert(value) } }
        }
        for (table, column) in [
            ("pathway_plans", "document"), ("footprint_models", "model"), ("project_reviews", "project"),
            ("scope3_records", "activity"), ("scope3_records", "line"),
        ] {
            let rows = try await database.sql.raw(SQLQueryString("SELECT \(column) AS v FROM \(table)")).all()
            for row in rows {
                guard let json = try? row.decode(column: "v", as: String.self),
                    let object = try? JSONSerialization.jsonObject(with: Data(json.utf8))
                else { continue }
                collectNames(object, into: &texts)
            }
        }
        texts.remove(AuditActor.system.name)
        return Array(texts)
    }

    /// The strings under keys that hold names users give (name, title, label, description, note).
    static func collectNames(_ object: Any, into texts: inout Set<String>) {
        if let dictionary = object as? [String: Any] {
            for (key, value) in dictionary {
                if ["name", "title", "label", "description", "note", "notes", "id", "source", "basis", "product", "flow"]
                    .contains(key), let text = value as? String
                {
                    texts.insert(text)
                } else {
                    collectNames(value, into: &texts)
                }
            }
        } else if let array = object as? [Any] {
            for value in array { collectNames(value, into: &texts) }
        }
    }
}
