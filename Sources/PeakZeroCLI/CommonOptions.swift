import Accounting
import ArgumentParser
import Foundation

/// Options every command shares.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: "Language of messages and reports: zh or en (default: from LANG; English unless it is Chinese).")
    var lang: String?

    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Language {
        if let lang {
            guard let language = Language(rawValue: lang.lowercased()) else {
                throw ValidationError("--lang must be zh or en, not \(lang)")
            }
            return language
        }
        let locale =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_MESSAGES"]
            .flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return Language(localeIdentifier: locale)
    }
}

/// Where a command writes: stdout for results, stderr for problems. Both are written unbuffered so
/// a report and its notes keep their order in a terminal. Tests pass their own.
struct Console {
    var out: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    var err: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
}

/// Prints a line at once, even when stdout is a pipe or a log file (a server's start-up lines must
/// not wait in a buffer until it stops).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// `--format table|json`, checked when the command line is parsed.
struct TableOrJSONOption: ParsableArguments {
    @Option(help: "table or json.") var format: String = "table"

    var isJSON: Bool { format == "json" }

    func validate() throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
    }
}
