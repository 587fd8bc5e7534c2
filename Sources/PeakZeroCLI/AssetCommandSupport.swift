import Accounting
import ArgumentParser
import Assets
import Foundation
import Persistence

/// What the projects, assets and compliance commands share: the unit found by its code, and
/// refusals printed field by field (nothing is kept when there is any).
enum AssetCommandSupport {
    static func unit(_ code: String, in database: PeakZeroDatabase, language: Language) async throws -> ReportingUnit {
        do { return try await UnitStore(database).unit(code: code) } catch StoreError.notFound {
            throw PathwayRunCommand.fail(language.word(.assetUnknownUnit, ["unit": code]))
        }
    }

    /// Runs `body`, turning the domain's refusals into their messages on standard error and exit code 1.
    static func refusing<T>(_ language: Language, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let problems as ProjectProblems {
            throw PathwayRunCommand.fail(problems.problems.map { $0.message(language) }.joined(separator: "\n"))
        } catch let problems as LedgerProblems {
            throw PathwayRunCommand.fail(problems.problems.map { $0.message(language) }.joined(separator: "\n"))
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON file (a project, an M&V record) read whole; a refusal names the file and the field.
    static func decode<T: Decodable>(_ type: T.Type, file: String, language: Language) throws -> T {
        let data: Data
        do { data = try UserFile.contents(atPath: file) } catch {
            throw PathwayRunCommand.fail(error.issues.map { $0.message(in: language) }.joined(separator: "\n"))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(type, from: data) } catch let error as DecodingError {
            let (field, reason) = error.fieldAndReason
            throw PathwayRunCommand.fail(
                language.word(.planUnreadable, ["file": file, "field": field, "reason": reason]))
        }
    }
}

extension DecodingError {
    /// The field's path as the file spells it (`savings[1].quantity`) and what is wrong there.
    var fieldAndReason: (String, String) {
        switch self {
        case .keyNotFound(let key, let context): return ((context.codingPath + [key]).snakePath, "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return (context.codingPath.snakePath, context.debugDescription)
        case .dataCorrupted(let context): return (context.codingPath.snakePath, context.debugDescription)
        @unknown default: return ("", "unreadable")
        }
    }
}

/// `--date YYYY-MM-DD` (default today in China), checked when the command line is parsed.
struct DateOption: ParsableArguments {
    @Option(help: "The date, YYYY-MM-DD (default today).") var date: String?

    func validate() throws {
        if let date, CalendarDay(parsing: date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
    }

    var day: CalendarDay { date.flatMap(CalendarDay.init(parsing:)) ?? .today }
}
