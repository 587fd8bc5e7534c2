import Foundation
import ReferenceData

/// GB/T 4754-2017's sections (门类, `C`) and divisions (大类, `30`), so an industry code such as
/// `C3011` can be shown as "C30 非金属矿物制品业" — a division is the level rankings compare units at.
public struct IndustryClassification: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let nameZh: String
        public let nameEn: String

        public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
    }

    private let byCode: [String: Entry]
    /// Each division's section letter, by its two digits.
    private let sectionOfDivision: [String: String]

    /// The division of a code as units carry it (`C3011`, `3011`, `C30`, `30`), else its section (`C`).
    public func entry(ofIndustry code: String) -> Entry? {
        let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = String(trimmed.drop { $0.isLetter }.prefix(2))
        if digits.count == 2, let division = byCode[digits] { return division }
        return trimmed.first.flatMap { byCode[String($0)] }
    }

    /// "C30 非金属矿物制品业": the section letter and division digits, then the division's name
    /// ("C3011 · C30 非金属矿物制品业" for a finer code); the code as given when no edition PeakZero
    /// ships knows it.
    public func label(ofIndustry code: String, _ language: Language) -> String {
        guard let entry = entry(ofIndustry: code) else { return code }
        let prefix = entry.code.count == 2 ? (sectionOfDivision[entry.code] ?? "") + entry.code : entry.code
        let given = code.trimmingCharacters(in: .whitespaces).uppercased()
        // A class finer than the division (C3011) keeps its own code before the division it belongs to.
        let finer = given.filter(\.isNumber).count > 2 ? "\(given) · " : ""
        return "\(finer)\(prefix) \(entry.name(language))"
    }

    public static let bundled: IndustryClassification = {
        do {
            let table = try CSVTable(parsing: ReferenceData.industriesCSV)
            var byCode: [String: Entry] = [:]
            var sectionOfDivision: [String: String] = [:]
            var section = ""
            // Rows are in the standard's order: a section, then its divisions.
            for record in table.records.dropFirst() where record.count >= 3 {
                byCode[record[0]] = Entry(code: record[0], nameZh: record[1], nameEn: record[2])
                if record[0].count == 1 { section = record[0] } else { sectionOfDivision[record[0]] = section }
            }
            return IndustryClassification(byCode: byCode, sectionOfDivision: sectionOfDivision)
        } catch {
            fatalError("PeakZero's bundled industries.csv is malformed: \(error)")
        }
    }()
}
