import Foundation

/// Which elementary flows of another tool's data are greenhouse gases, and which gas: by CAS number,
/// then by words in the flow's name (`Methane, fossil`), as `Data/greenhouse-gas-flows.csv` lists
/// them with their sources. The first row that matches decides; a row without a gas marks a flow
/// kept in the inventory but not characterised (biogenic carbon dioxide).
public struct GreenhouseGasFlows: Sendable {
    struct Rule: Sendable {
        let cas: String
        let nameContains: String
        let gas: String?
    }

    /// What a flow is.
    public enum Match: Sendable, Equatable {
        /// A gas, by the name the factor library gives it (`CO2`, `CH4_fossil` …).
        case gas(String)
        /// A greenhouse gas flow deliberately left out of the total (biogenic CO2).
        case keptApart
        /// No greenhouse gas.
        case other
    }

    let rules: [Rule]

    public func match(cas: String?, name: String) -> Match {
        guard let cas = cas.map(Self.normalisedCAS), !cas.isEmpty else { return .other }
        let lowered = name.lowercased()
        guard let rule = rules.first(where: { $0.cas == cas && ($0.nameContains.isEmpty || lowered.contains($0.nameContains)) }) else {
            return .other
        }
        return rule.gas.map(Match.gas) ?? .keptApart
    }

    /// `000124-38-9` (ecoinvent pads CAS numbers with zeros) as `124-38-9`.
    static func normalisedCAS(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unpadded = trimmed.drop { $0 == "0" }
        return String(unpadded)
    }

    public static let bundled: GreenhouseGasFlows = {
        guard
            let url = Bundle.module.url(forResource: "greenhouse-gas-flows", withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the bundled greenhouse gas flow table is missing") }
        let rules = text.split(separator: "\n").dropFirst().map { line -> Rule in
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            precondition(cells.count == 4, "the bundled greenhouse gas flow table is malformed: \(line)")
            return Rule(cas: cells[0], nameContains: cells[1].lowercased(), gas: cells[2].isEmpty ? nil : cells[2])
        }
        return GreenhouseGasFlows(rules: rules)
    }()
}
