import Accounting
import Testing

/// Records and inventories for tests, built through the same parser users' files go through.
enum Fixture {
    static let library: FactorLibrary = {
        do throws(InputIssues) { return try FactorLibrary.standard() } catch {
            fatalError("bundled library must load: \(error.issues)")
        }
    }()

    static func record(
        _ item: String, _ quantity: Double, _ uom: String, region: String = "510104", period: String = "2023-06",
        category: ActivityCategory? = nil, measured: MeasuredParameters = .none
    ) -> ActivityRecord {
        let item = ItemCatalog.bundled.item(named: item)!
        return ActivityRecord(
            unitCode: "U1", region: RegionCode(region)!, period: Period(parsing: period)!, item: item,
            category: category,
            quantity: PhysicalQuantity(quantity, UnitOfMeasure(parsing: uom)!), measured: measured, sourceRow: 2)
    }

    static func line(
        _ record: ActivityRecord, options: CalculationOptions = CalculationOptions(), library: FactorLibrary = library
    ) throws -> InventoryLine {
        try InventoryCalculator(library: library, options: options).calculate([record]).lines[0]
    }

    static func tonnes(_ e: Emissions) -> Double { e.value(in: .tonneCO2e) }
    static func tce(_ c: StandardCoal) -> Double { c.value(in: .tonneCoalEquivalent) }
}

/// `a` equals `b` to a relative tolerance (default: binary floating-point noise only).
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
}
