import Foundation

/// Computes an inventory from activity records, a factor library and options. Pure: the same
/// inputs always give the same inventory.
public struct InventoryCalculator: Sendable {
    public let library: FactorLibrary
    public let options: CalculationOptions

    public init(library: FactorLibrary, options: CalculationOptions = CalculationOptions()) {
        self.library = library
        self.options = options
    }

    /// Every record's line. Throws every record's missing factor at once, naming the record's row.
    /// Large inputs are split over the processor's cores; the lines keep the records' order.
    public func calculate(_ records: [ActivityRecord]) throws(InputIssues) -> Inventory {
        let parts = records.count < 20_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var results = [(lines: [InventoryLine], issues: [InputIssue])](repeating: ([], []), count: parts)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = records.count * part / parts
                let upper = records.count * (part + 1) / parts
                let cache = FactorLookupCache(library: library)
                var templates: [LineKey: LineTemplate?] = [:]
                var lines: [InventoryLine] = []
                var issues: [InputIssue] = []
                lines.reserveCapacity(upper - lower)
                for record in records[lower..<upper] {
                    let key = LineKey(record)
                    let template: LineTemplate?
                    if let known = templates[key] {
                        template = known
                    } else {
                        template = try? self.template(for: record, cache: cache).get()
                        templates.updateValue(template, forKey: key)  // remembers a failure too
                    }
                    if let template {
                        lines.append(template.line(for: record))
                    } else {
                        var context = LineContext(record: record, cache: cache, options: options)
                        _ = context.line()
                        issues += context.issues
                    }
                }
                out[part] = (lines, issues)
            }
        }
        let issues = results.flatMap(\.issues)
        if !issues.isEmpty { throw InputIssues(issues) }
        return Inventory(lines: results.flatMap(\.lines), options: options, libraryVersion: library.version)
    }

    /// The template of `record`'s key: the line of one unit of its quantity, or the missing factors
    /// (reported against `record`'s row).
    /// - Parameter retiredCertificates: the lot of green-electricity certificates (绿证) retired against
    ///   this electricity: it then counts zero market-based, and its lineage names the certificates.
    public func template(for record: ActivityRecord, retiredCertificates: String? = nil) -> Result<LineTemplate, InputIssues> {
        template(for: record, cache: FactorLookupCache(library: library), retiredCertificates: retiredCertificates)
    }

    func template(for record: ActivityRecord, cache: FactorLookupCache, retiredCertificates: String? = nil)
        -> Result<LineTemplate, InputIssues>
    {
        var unit = record
        unit.quantity = PhysicalQuantity(1, record.quantity.unit)
        var context = LineContext(record: unit, cache: cache, options: options)
        context.retiredCertificates = retiredCertificates
        guard let line = context.line() else { return .failure(InputIssues(context.issues)) }
        return .success(LineTemplate(unitLine: line))
    }
}

/// The work for one record: finds its factors, collects its lineage and any missing factor.
struct LineContext {
    let record: ActivityRecord
    let cache: FactorLookupCache
    let options: CalculationOptions
    /// Green certificates retired against the record's electricity (their lot), if any.
    var retiredCertificates: String?
    var factors: [FactorUse] = []
    var issues: [InputIssue] = []

    init(record: ActivityRecord, cache: FactorLookupCache, options: CalculationOptions) {
        self.record = record
        self.cache = cache
        self.options = options
    }

    mutating func line() -> InventoryLine? {
        switch record.item.kind {
        case .fuel: fuelCombustionLine()
        case .electricity: electricityLine()
        case .heat: heatLine()
        case .gas: directGasLine()
        }
    }

    /// Finds a library factor, records it in the lineage, and returns its typed value.
    mutating func factor(
        _ kind: FactorKind, item: String? = nil, variant: String? = nil, variantIsRequired: Bool = false,
        province: String? = nil, year: Int? = nil, extraNotes: [LineageNote] = []
    ) -> FactorValue? {
        guard
            let found = cache.lookup(
                kind, item: item ?? record.item.code, variant: variant, variantIsRequired: variantIsRequired,
                province: province, year: year)
        else { return nil }
        factors.append(
            FactorUse(kind: kind, value: found.entry.value, entry: found.entry, notes: extraNotes + found.notes))
        return found.entry.value
    }

    mutating func recordMeasured(_ kind: FactorKind, _ value: FactorValue, notes: [LineageNote] = []) {
        factors.append(FactorUse(kind: kind, value: value, entry: nil, notes: [.measured] + notes))
    }

    mutating func missing(_ kind: FactorKind, field: String, hint: FactorHint) {
        issues.append(
            InputIssue(
                row: record.sourceRow, column: field,
                problem: .noFactor(kind, item: record.item, hint: hint)))
    }

    func make(
        gas: String, gasMass: Mass? = nil, heat: Energy? = nil, location: Emissions, market: Emissions,
        calorific: StandardCoal, equivalent: StandardCoal
    ) -> InventoryLine {
        InventoryLine(
            record: record, scope: record.category.scope, gas: gas, gasMass: gasMass, heat: heat,
            locationBased: location, marketBased: market, energyCalorific: calorific,
            energyEquivalent: equivalent, factors: factors)
    }
}
