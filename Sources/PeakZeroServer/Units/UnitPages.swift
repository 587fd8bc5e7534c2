import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// The units page.
extension PageHandlers {
    /// Every unit, or those whose code or name contains `q`, optionally only those in `region`, as
    /// an indented tree.
    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let search = request.uri.queryParameters.get("q").map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let region = request.uri.queryParameters.get("region").flatMap { RegionPrefix(String($0)) }
        let all = try await units.list(region: region, scope: context.readScope)
        let shown =
            search.isEmpty
            ? all
            : all.filter {
                $0.code.localizedCaseInsensitiveContains(search) || $0.name.localizedCaseInsensitiveContains(search)
            }
        var depth: [Int64: Int] = [:]
        let rows = shown.prefix(2000).map { unit -> UnitList.Row in
            let level = unit.parentID.flatMap { depth[$0] }.map { $0 + 1 } ?? 0
            depth[unit.id] = level
            return UnitList.Row(
                code: unit.code, name: unit.name, url: SiteURL.unit(id: unit.id, year: nil).link(language),
                level: DashboardPage.level(unit.level, t), region: unit.regionCode,
                indent: search.isEmpty ? min(level, 5) : 0)
        }
        let model = UnitList(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.navUnits], current: .units,
                sameIn: { _ in .units(search: search, region: region?.code) }),
            search: search, region: region?.code, regionName: region.map { RegionNames.name(of: $0, language) },
            lang: language.rawValue, rows: Array(rows), hasRows: !rows.isEmpty,
            searched: !search.isEmpty)
        return renderer.response(model, template: "units")
    }
}

/// The units page: a search box and the matching units.
struct UnitList: Sendable {
    struct Row: Sendable {
        let code: String
        let name: String
        let url: String
        let level: String
        let region: String
        let indent: Int
    }

    let layout: PageLayout
    let search: String
    /// The region the list is limited to (its code and name), or empty.
    let region: String?
    let regionName: String?
    let lang: String
    let rows: [Row]
    let hasRows: Bool
    let searched: Bool
}
