import Foundation
import Accounting

/// Every page's address, built in one place: pages link with these, never with string literals,
/// and the router registers the same patterns (`SitePage`), which a test keeps in step.
enum SiteURL: Sendable, Equatable {
    case overview(year: Int?)
    case units(search: String?)
    case unit(id: Int64, year: Int?)
    case stylesheet
    case script

    /// The address without its query: what a form posts or gets to.
    var path: String {
        switch self {
        case .overview: "/"
        case .units: "/units"
        case .unit(let id, _): "/units/\(id)"
        case .stylesheet: "/static/peakzero.css"
        case .script: "/static/peakzero.js"
        }
    }

    func link(_ language: Language) -> String {
        var query: [(String, String)] = []
        switch self {
        case .overview(let year), .unit(_, let year):
            if let year { query.append(("year", String(year))) }
        case .units(let search):
            if let search, !search.isEmpty { query.append(("q", search)) }
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
    case overview, units, unit, stylesheet, script

    var path: String {
        switch self {
        case .overview: "/"
        case .units: "/units"
        case .unit: "/units/{id}"
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
