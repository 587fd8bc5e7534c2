import Accounting
import Footprint
import Foundation
import Spreadsheet

/// A product model read from an openLCA JSON-LD export (a zip of `processes/`, `flows/`,
/// `flow_properties/`, `unit_groups/` and `product_systems/`, one entity a file). Every problem is
/// gathered and named by the archive's file, process and exchange; nothing is kept from an export
/// with any.
///
/// How openLCA's terms become PeakZero's (docs/footprint.md):
/// - a process's quantitative reference is its output; a waste treatment's (a waste input) becomes
///   an output of treatment, and the waste outputs it treats become inputs from it;
/// - further product outputs are co-products, shared by the process's default allocation method's
///   stored factors (physical or economic; causal allocation is refused);
/// - product inputs take their provider from the product system's links, else the exchange's
///   default provider; an avoided product is an input of the negative amount;
/// - greenhouse gases are found by CAS number (`GreenhouseGasFlows`); other elementary flows are
///   kept when PeakZero knows their unit; resources taken are negative amounts;
/// - every process is put in the production stage (openLCA has no stages): set them after import.
public enum OpenLCAImport {
    /// What an export unpacks to at most (an ecoinvent-size system's export is about 300 MiB; one
    /// product's is far less).
    public static let unpackedLimit = 1 << 30
    public static let largestProcessCount = 100_000

    /// Whether the bytes look like an openLCA export: a zip with a `processes/` folder.
    public static func isExport(_ data: Data) -> Bool {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]),
            let archive = try? ZipArchive(data: data, unpackedLimit: unpackedLimit)
        else { return false }
        return archive.paths.contains { $0.hasPrefix("processes/") || $0.contains("/processes/") }
    }

    /// - Parameter productSystem: the product system to import (by name or id) when the export holds several.
    public static func read(_ data: Data, file: String, productSystem: String? = nil) throws(InputIssues) -> ImportedModel {
        let archive: ZipArchive
        do { archive = try ZipArchive(data: data, unpackedLimit: unpackedLimit) } catch {
            throw InputIssues([
                OpenLCAProblem(kind: .unreadableArchive, arguments: ["reason": error.reason]).issue(
                    file: file, entry: nil)
            ])
        }
        var entities = Entities()
        var issues: [InputIssue] = []
        for path in archive.paths where path.hasSuffix(".json") {
            let folder = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            guard Entities.folders.contains(folder) else { continue }
            do {
                guard let content = try archive.content(of: path) else { continue }
                try entities.add(content, folder: folder)
            } catch let error as ZipArchive.Failure {
                issues.append(unreadable(path, error.reason, file))
            } catch let error as DecodingError {
                issues.append(unreadable(path, Self.describe(error), file))
            } catch {
                issues.append(unreadable(path, String(describing: error), file))
            }
            if entities.processes.count > largestProcessCount {
                throw InputIssues([
                    OpenLCAProblem(
                        kind: .tooManyProcesses,
                        arguments: ["count": "> \(largestProcessCount)", "limit": "\(largestProcessCount)"]
                    ).issue(file: file, entry: nil)
                ])
            }
        }
        guard issues.isEmpty else { throw InputIssues(issues) }
        guard !entities.processes.isEmpty else {
            throw InputIssues([OpenLCAProblem(kind: .noProcesses).issue(file: file, entry: nil)])
        }
        var converter = OpenLCAConverter(entities: entities, file: file)
        return try converter.model(productSystem: productSystem)
    }

    private static func unreadable(_ path: String, _ reason: String, _ file: String) -> InputIssue {
        OpenLCAProblem(kind: .unreadableEntry, arguments: ["entry": path, "reason": reason]).issue(
            file: file, entry: path)
    }

    /// A decoding error as `field: reason`, the field as the file spells it (openLCA's keys are
    /// camelCase, PeakZero's snake_case).
    static func describe(_ error: DecodingError, snakeCase: Bool = false) -> String {
        func path(_ context: DecodingError.Context) -> String {
            snakeCase
                ? context.codingPath.snakePath
                : context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            let at = path(context)
            let name = snakeCase ? [key].snakePath : key.stringValue
            return (at.isEmpty ? "" : at + ".") + name + ": missing"
        @unknown default:
            return String(describing: error)
        }
    }
}

/// The entities of an export by id, as decoded.
struct Entities {
    static let folders: Set<String> = ["processes", "flows", "flow_properties", "unit_groups", "product_systems"]

    var processes: [String: (OpenLCASchema.Process, path: String)] = [:]
    var flows: [String: OpenLCASchema.Flow] = [:]
    var flowProperties: [String: OpenLCASchema.FlowProperty] = [:]
    var unitGroups: [String: OpenLCASchema.UnitGroup] = [:]
    var productSystems: [OpenLCASchema.ProductSystem] = []

    mutating func add(_ content: Data, folder: String) throws {
        let decoder = JSONDecoder()
        switch folder {
        case "processes":
            let process = try decoder.decode(OpenLCASchema.Process.self, from: content)
            processes[process.id] = (process, "processes/\(process.id).json")
        case "flows":
            let flow = try decoder.decode(OpenLCASchema.Flow.self, from: content)
            flows[flow.id] = flow
        case "flow_properties":
            let property = try decoder.decode(OpenLCASchema.FlowProperty.self, from: content)
            flowProperties[property.id] = property
        case "unit_groups":
            let group = try decoder.decode(OpenLCASchema.UnitGroup.self, from: content)
            unitGroups[group.id] = group
        default:
            productSystems.append(try decoder.decode(OpenLCASchema.ProductSystem.self, from: content))
        }
    }
}
