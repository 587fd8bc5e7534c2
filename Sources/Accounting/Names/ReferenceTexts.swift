import Foundation
import ReferenceData

/// The bundled tables' citations (sources, documents, notes) and worded units in each language.
/// The tables keep each text as it was written when the value was checked — often English with a
/// Chinese title inside — so that a lookup by the stored text also finds the words of a factor copied
/// into an inventory long ago. Texts the tables do not hold (a user's own factor set) stay as typed.
public struct ReferenceTexts: Sendable {
    private let renderings: [String: (zh: String, en: String)]

    /// `text` in `language`; `text` itself when the bundled tables do not hold it.
    public func shown(_ text: String, _ language: Language) -> String {
        // A copy may have lost the table's trailing space (an inventory keeps its factors' words trimmed);
        // the table's keys are trimmed, so a text is trimmed only when it is not found as it is.
        guard let rendering = renderings[text] ?? renderings[text.trimmingCharacters(in: .whitespaces)] else {
            return text
        }
        return language == .zh ? rendering.zh : rendering.en
    }

    /// Whether the tables hold `text` (each of their citations must be there; a test checks it).
    public func holds(_ text: String) -> Bool { renderings[text.trimmingCharacters(in: .whitespaces)] != nil }

    public static let bundled: ReferenceTexts = {
        do {
            let table = try CSVTable(parsing: ReferenceData.referenceTextsCSV)
            var renderings: [String: (zh: String, en: String)] = [:]
            for record in table.records.dropFirst() where record.count >= 3 {
                renderings[record[0].trimmingCharacters(in: .whitespaces)] = (record[1], record[2])
            }
            return ReferenceTexts(renderings: renderings)
        } catch {
            fatalError("PeakZero's bundled reference-texts.csv is malformed: \(error)")
        }
    }()
}
