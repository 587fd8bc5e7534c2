import Foundation
import Accounting

/// Every page's address, built in one place: pages link with these, never with string literals,
/// and the router registers the same patterns (`SitePage`), which a test keeps in step.
enum SiteURL: Sendable, Equatable {
    case overview(year: Int?)
    /// Units whose code or name contains `search`, optionally only those in a region.
    case units(search: String?, region: String? = nil)
    case unit(id: Int64, year: Int?)
    case regions
    case region(code: String, year: Int?)
    /// An inventory's lines, optionally only those of one unit's subtree, a page of them at a time.
    case inventory(id: Int64, unit: Int64?, page: Int?)
    /// One line's lineage: the record, the factors and their sources.
    case inventoryLine(inventory: Int64, record: Int64)
    case stylesheet
    case script

    /// The address without its query: what a form posts or gets to.
    var path: String {
        switch self {
        case .overview: "/"
        case .units: "/units"
        case .unit(let id, _): "/units/\(id)"
        case .regions: "/regions"
        case .region(let code, _): "/regions/\(code)"
        case .inventory(let id, _, _): "/inventories/\(id)"
        case .inventoryLine(let inventory, let record): "/inventories/\(inventory)/lines/\(record)"
        case .stylesheet: "/static/peakzero.css"
        case .script: "/static/peakzero.js"
        }
    }

    func link(_ language: Language) -> String {
        var query: [(String, String)] = []
        switch self {
        case .overview(let year), .unit(_, let year), .region(_, let year):
            if let year { query.append(("year", String(year))) }
        case .inventory(_, let unit, let page):
            if let unit { query.append(("unit", String(unit))) }
            if let page, page > 1 { query.append(("page", String(page))) }
        case .regions, .inventoryLine: break
        case .units(let search, let region):
            if let search, !search.isEmpty { query.append(("q", search)) }
            if let region { query.append(("region", region)) }
        case .stylesheet, .script: return path
        }
        query.append(("lang", language.rawValue))
        return path + "?" + query.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
    }
}

/// The page routes the router registers.
enum SitePage: String, CaseIterable, Sendable {
    case overview, units, unit, regions, region, inventory, inventoryLine, stylesheet, script

    var path: String {
        switch self {
        case .overview: "/"
        case .units: "/units"
        case .unit: "/units/{id}"
        case .regions: "/regions"
        case .region: "/regions/{code}"
        case .inventory: "/inventories/{id}"
        case .inventoryLine: "/inventories/{id}/lines/{record}"
        case .stylesheet: "/static/peakzero.css"
        case .script: "/static/peakzero.js"
        }
    }
}

extension CharacterSet {
    /// Characters that may stand unescaped in a query value.
    fileprivate static let urlQueryValueAllowed: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()
}
