import Accounting
import ArgumentParser
import Foundation
import Intake

/// `peakzero template KIND --format xlsx|csv [--lang zh|en] [--output FILE]`: a blank template.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Write a blank data template (Excel or CSV) to fill in and import.")

    @Argument(help: "What the template is for: activity, economic, units, regional, projects, ledger or footprint.")
    var kind: String

    @Option(help: "xlsx or csv.")
    var format: String = "xlsx"

    @OptionGroup var language: LanguageOption

    @Option(name: .shortAndLong, help: "File to write (default: peakzero-<kind>-template.<format> here).")
    var output: String?

    func run() async throws {
        guard let kind = Templates.Kind(rawValue: kind) else {
            throw ValidationError(
                "no template for \(kind); templates: \(Templates.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let format = Templates.Format(rawValue: format.lowercased()) else {
            throw ValidationError("--format must be xlsx or csv, not \(format)")
        }
        let path = output ?? "peakzero-\(kind.rawValue)-template.\(format.rawValue)"
        let data = try Templates.data(kind, format: format, language: try language.resolved())
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
        say(path)
    }
}
