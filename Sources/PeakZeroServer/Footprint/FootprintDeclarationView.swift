import Accounting
import Footprint

/// The declaration section of a model's page: what GB/T 24067-2024's report states beyond the
/// figures (`FootprintDeclaration`), as rows.
struct FootprintDeclarationView: Sendable {
    struct GasRow: Sendable {
        let gas: String
        let emitted: String
        let gwp: String
        let source: String
        let co2e: String
    }

    struct FlowRow: Sendable {
        let key: String
        let amount: String
        let unit: String
    }

    struct AllocationRow: Sendable {
        let name: String
        let method: String
        let products: String
        let detail: String
    }

    struct QualityRow: Sendable {
        let name: String
        let exchanges: Int
        let withUncertainty: Int
        let pedigree: String
        let sources: [String]
    }

    let standard: String
    let boundary: String
    let cutOff: String
    let gases: [GasRow]
    let background: String
    let grid: String
    let keptApart: [FlowRow]
    let hasKeptApart: Bool
    let allocations: [AllocationRow]
    let hasAllocations: Bool
    let quality: [QualityRow]

    init(_ d: FootprintDeclaration, strings t: Words, language: Language) {
        func amount(_ value: Double) -> String { WebNumbers.grouped(value, decimals: 4) }
        standard = d.standard
        boundary = t.text(forKey: d.partial ? "footprint_partial" : "footprint_whole")
        cutOff = d.cutOff ?? "—"
        gases = d.byGas.map {
            GasRow(
                gas: $0.gas, emitted: amount($0.amountKg), gwp: WebNumbers.grouped($0.gwp.value, decimals: 1),
                source: "\($0.gwp.id) · \(ReferenceTexts.bundled.shown($0.gwp.source, language))", co2e: amount($0.co2eKg))
        }
        background = amount(d.backgroundCo2eKg)
        grid = amount(d.gridCo2eKg)
        keptApart = d.keptApart.map { FlowRow(key: $0.key, amount: amount($0.amount), unit: $0.unit) }
        hasKeptApart = !keptApart.isEmpty
        allocations = d.allocations.map {
            AllocationRow(
                name: $0.name, method: $0.method, products: $0.products.joined(separator: "; "),
                detail: $0.detail.joined(separator: "; "))
        }
        hasAllocations = !allocations.isEmpty
        quality = d.dataQuality.map { line in
            QualityRow(
                name: line.name == line.process ? line.process : "\(line.name) (\(line.process))",
                exchanges: line.exchanges, withUncertainty: line.withUncertainty,
                pedigree: line.pedigree.map { $0.map { WebNumbers.grouped($0, decimals: 1) }.joined(separator: "; ") }
                    ?? "—",
                sources: line.citations.map {
                    "\($0.key) — \(ReferenceTexts.bundled.shown($0.source, language))" + ($0.year.map { " (\($0))" } ?? "")
                })
        }
    }
}
