import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence
import Spreadsheet

/// What every page handler works with: the renderer and the stores. Each feature adds its page
/// handlers to this type in its own folder (`Targets/TargetPages.swift` …) and declares them with
/// their rules in its `…Routes.swift`; each handler reads what its page shows through the same
/// stores as the API, builds the page's model and renders it.
struct PageHandlers: Sendable {
    let renderer: PageRenderer
    let units: UnitStore
    let rollups: RollupStore
    let inventories: InventoryStore
    let activity: ActivityStore
    let economic: EconomicStore
    let accounts: AccountStore
    let database: PeakZeroDatabase
    /// The date in China, for this year, this month and today.
    let clock: ChinaClock
    /// The imports running at once, shared with the API's.
    let importGate: ImportGate
    /// How much of an uploaded workbook may be read.
    let workbookLimits: WorkbookLimits
    /// This server's folder for uploads waiting for their confirmation (see `PrivateUploads`).
    let pendingRoot = PrivateUploads.root.appendingPathComponent("pending/\(UUID().uuidString)", isDirectory: true)

    func notFound(_ request: Request) -> Response {
        let language = request.language
        return renderer.response(
            EmptyPage(
                layout: PageLayout(
                    strings: renderer.strings, language: language,
                    title: renderer.strings.text(.notFoundTitle, language), current: .overview,
                    sameIn: { _ in .overview(year: nil) }),
                message: renderer.strings.text(.notFound, language)),
            template: "empty", status: .notFound)
    }
}

/// A page with a message only: nothing stored yet, or not found.
struct EmptyPage: Sendable {
    let layout: PageLayout
    let message: String
}
