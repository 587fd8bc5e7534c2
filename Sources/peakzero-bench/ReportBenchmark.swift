import Accounting
import Foundation
import Intake
import Logging
import PeakZeroServer
import Persistence
import Reports

/// The reports of the synthetic province `peakzero-bench store` leaves behind: the supervisor's
/// report on the province (10,000 facilities) gathered, and rendered as HTML, workbook and PDF; the
/// province's GHG inventory report likewise. Best of three for each step; peak memory at the end.
struct ReportBenchmark {
    let folder: String

    init(arguments: [String]) throws {
        folder = option("--data-dir", in: arguments) ?? NSTemporaryDirectory() + "peakzero-bench-store"
    }

    func best<T>(_ rounds: Int = 3, _ body: () async throws -> T) async rethrows -> (T, Double) {
        var fastest = Double.infinity
        var last: T?
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            last = try await body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (last!, fastest)
    }

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let database = try await PeakZeroDatabase.open(.sqliteFile(path: folder + "/peakzero.sqlite"), logger: logger)
        let province = try await UnitStore(database).unit(code: "P")
        let facilities = try await UnitStore(database).list(under: province.id, scope: .everything).count
        print("province: \(facilities) units")

        try await Migrator().migrate(database)
        // Where the gathering's time goes: each source on its own.
        let (_, rollupTime) = try await best {
            try await RollupStore(database).rollup(.unit(id: province.id, approach: .control), year: 2024)
        }
        let (_, boardTime) = try await best {
            try await ReviewStore(database).completeness(
                under: province.id, year: 2024, scope: .everything, today: "2025-03-31")
        }
        let (_, unitsTime) = try await best { try await UnitStore(database).list(under: province.id, scope: .everything) }
        Swift.print(
            String(
                format: "  of which: roll-up %.3f s, completeness %.3f s (the subtree's units alone %.3f s)",
                rollupTime, boardTime, unitsTime))
        let (supervisor, gather) = try await best {
            try await SupervisorReportSource(database).report(
                unitID: province.id, year: 2024, asOf: "2025-03-31", scope: .everything, language: .zh)
        }
        let (_, json) = try await best { try JSONEncoder().encode(supervisor) }
        let (html, render) = try await best {
            try SupervisorReportDocument.html(supervisor, unitID: province.id, language: .zh)
        }
        let (_, xlsx) = try await best { try SupervisorReportWorkbook.data(supervisor, language: .zh) }
        let (pdf, print) = try await best(1) { try await ChromiumPDF.pdf(html: html) }
        Swift.print(
            String(
                format:
                    "supervisor's report: gathered %.3f s, JSON %.3f s, HTML %.3f s (HTML with gathering %.3f s), XLSX %.3f s (with gathering %.3f s), PDF %.2f s (with gathering %.2f s, %d bytes)",
                gather, json, render, gather + render, xlsx, gather + xlsx, print, gather + render + print, pdf.count))

        let (inventory, gatherInventory) = try await best {
            try await InventoryReportSource(database).report(unitID: province.id, year: 2024, language: .zh)
        }
        let (inventoryHTML, renderInventory) = try await best {
            try InventoryReportDocument.html(inventory, unitID: province.id, language: .zh, printedOn: "2025-03-31")
        }
        let (_, inventoryXLSX) = try await best { try InventoryReportWorkbook.data(inventory, language: .zh) }
        let (_, printInventory) = try await best(1) { try await ChromiumPDF.pdf(html: inventoryHTML) }
        Swift.print(
            String(
                format: "GHG inventory report: gathered %.3f s, HTML %.3f s, XLSX %.3f s, PDF %.2f s",
                gatherInventory, renderInventory, inventoryXLSX, printInventory))
        // The same province as a region (its units' region codes), and its climate section.
        if let region = RegionPrefix(province.regionCode) {
            let (regional, gatherRegion) = try await best {
                try await SupervisorReportSource(database).report(
                    region: region, code: province.regionCode, name: "province", childName: { $0 }, year: 2024,
                    asOf: "2025-03-31", scope: .everything, language: .zh)
            }
            let (_, renderRegion) = try await best {
                try SupervisorReportDocument.html(regional, unitID: province.id, language: .zh)
            }
            Swift.print(
                String(
                    format: "region's supervisor's report (%d cities or counties): gathered %.3f s, HTML %.3f s",
                    regional.children.count, gatherRegion, renderRegion))
        }
        let (climate, gatherClimate) = try await best {
            try await ClimateDisclosureSource(database).report(
                unitID: province.id, year: 2024, scope: .everything, language: .zh)
        }
        let (climateHTML, renderClimate) = try await best {
            try ClimateReportDocument.html(climate, unitID: province.id, language: .zh, printedOn: "2025-03-31")
        }
        let (_, climateXLSX) = try await best { try ClimateDisclosureWorkbook.data(climate, language: .zh) }
        let (_, printClimate) = try await best(1) { try await ChromiumPDF.pdf(html: climateHTML) }
        Swift.print(
            String(
                format: "climate section: gathered %.3f s, HTML %.3f s, XLSX %.3f s, PDF %.2f s",
                gatherClimate, renderClimate, climateXLSX, printClimate))
        Swift.print(String(format: "peak resident memory: %.0f MiB", peakResidentMiB()))
        try await database.shutdown()
    }
}
