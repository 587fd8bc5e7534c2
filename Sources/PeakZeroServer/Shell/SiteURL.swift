import Accounting
import Foundation
import HTTPTypes
import Persistence

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
    /// A unit's records of a year; `saved` names a record just written.
    case records(unit: Int64, year: Int?, saved: Int64? = nil, page: Int? = nil)
    case newRecord(RecordKind, unit: Int64?)
    case createRecord(RecordKind)
    case editRecord(RecordKind, id: Int64)
    case updateRecord(RecordKind, id: Int64)
    case deleteRecord(RecordKind, id: Int64)
    case importForm
    /// 本月填报: a reporter's units and one of them for one period.
    case month(unit: Int64?, period: String?)
    /// Computes a unit's inventory of a year (a form posts `year`).
    case computeInventory(unit: Int64)
    case importUpload
    case importConfirm
    /// The factor library, narrowed by `filter`; `added` names a set just uploaded.
    case factors(FactorFilter, added: String?)
    case audit(AuditQuery)
    /// The submission status board of a unit's subtree; `reviewHome` finds the account's top unit.
    case reviewHome
    case accounts
    case disableAccount(name: String)
    case periods(unit: Int64, year: Int?)
    case period(unit: Int64, period: ReportingPeriod)
    case periodStep(unit: Int64, period: ReportingPeriod, step: ReviewStep)
    case periodFinding(unit: Int64, period: ReportingPeriod)
    case targets(unit: Int64?, region: String?)
    case createTarget
    case target(id: Int64)
    case splitTarget(id: Int64)
    case deleteTarget(id: Int64)
    case warnings
    case rankings(RankingQuery)
    case grades(unit: Int64?, region: String?, year: Int?)
    case unitGrades(id: Int64)
    case measures(unit: Int64)
    case createMeasure(unit: Int64)
    case updateMeasure(id: Int64)
    /// A region's roadmap, showing one scenario by area and against the baseline.
    case roadmap(PlanSubject, scenario: String?)
    case roadmapExport(PlanSubject)
    case planEditor(PlanSubject)
    case planDriver(PlanSubject)
    case projectReviews(PlanSubject)
    case projectReview(PlanSubject, id: Int64)
    case projects(unit: Int64)
    case createProject(unit: Int64)
    case project(id: Int64)
    case projectStage(id: Int64)
    case projectVerify(id: Int64)
    case assets(unit: Int64, date: String?)
    case createAssetEvent(unit: Int64)
    case compliance(unit: Int64, year: Int?)
    case setCompliance(unit: Int64)
    case footprints(unit: Int64)
    case createFootprint(unit: Int64)
    case importFootprint(unit: Int64)
    /// A unit's GHG inventory report of a year.
    case inventoryReport(unit: Int64, year: Int?)
    case issueInventoryReport(unit: Int64)
    case issuedReport(id: Int64)
    case supervisorReport(unit: Int64, year: Int?)
    case issueSupervisorReport(unit: Int64)
    case issueRegionSupervisorReport(code: String)
    /// The reports menu.
    case reportsHome
    /// A region's supervisor's report of a year.
    case regionSupervisorReport(code: String, year: Int?)
    /// A unit's climate section of a year.
    case climateReport(unit: Int64, year: Int?)
    case saveClimateNarrative(unit: Int64)
    case issueClimateReport(unit: Int64)
    /// A unit's Scope 3 emissions of a year.
    case scope3(unit: Int64, year: Int?)
    case deleteFootprint(id: Int64)
    /// A product model's footprint, with a GWP set and a number of Monte Carlo draws when asked.
    case footprintModel(id: Int64, gwp: String? = nil, monteCarlo: Int? = nil)
    case uploadFactorSet
    case deleteFactorSet(id: Int64)
    /// The sign-in page; `next` is the page to return to.
    case signIn(next: String?)
    case signOut
    case stylesheet
    case script
    case icon

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
        case .records(let unit, _, _, _): "/units/\(unit)/records"
        case .newRecord(let kind, _): "/data/\(kind.rawValue)/new"
        case .createRecord(let kind): "/data/\(kind.rawValue)"
        case .editRecord(let kind, let id): "/data/\(kind.rawValue)/\(id)/edit"
        case .updateRecord(let kind, let id): "/data/\(kind.rawValue)/\(id)"
        case .deleteRecord(let kind, let id): "/data/\(kind.rawValue)/\(id)/delete"
        case .importForm, .importUpload: "/data/import"
        case .month: "/data/month"
        case .computeInventory(let unit): "/units/\(unit)/inventories/compute"
        case .importConfirm: "/data/import/confirm"
        case .factors: "/factors"
        case .audit: "/audit"
        case .reviewHome: "/review"
        case .accounts: "/accounts"
        case .disableAccount(let name): "/accounts/\(Self.encode(name))/disable"
        case .periods(let unit, _): "/units/\(unit)/periods"
        case .period(let unit, let period): "/units/\(unit)/periods/\(period)"
        case .periodStep(let unit, let period, let step): "/units/\(unit)/periods/\(period)/\(step.rawValue)"
        case .periodFinding(let unit, let period): "/units/\(unit)/periods/\(period)/findings"
        case .targets, .createTarget: "/targets"
        case .target(let id): "/targets/\(id)"
        case .splitTarget(let id): "/targets/\(id)/split"
        case .deleteTarget(let id): "/targets/\(id)/delete"
        case .warnings: "/warnings"
        case .rankings: "/rankings"
        case .grades: "/carbon-efficiency"
        case .unitGrades(let id): "/units/\(id)/carbon-efficiency"
        case .measures(let unit), .createMeasure(let unit): "/units/\(unit)/measures"
        case .updateMeasure(let id): "/measures/\(id)"
        case .roadmap(let subject, _): "\(subject.sitePath)/pathway"
        case .roadmapExport(let subject): "\(subject.sitePath)/pathway/export"
        case .planEditor(let subject): "\(subject.sitePath)/pathway/plan"
        case .planDriver(let subject): "\(subject.sitePath)/pathway/plan/driver"
        case .projectReviews(let subject): "\(subject.sitePath)/pathway/reviews"
        case .projectReview(let subject, let id): "\(subject.sitePath)/pathway/reviews/\(id)"
        case .projects(let unit), .createProject(let unit): "/units/\(unit)/projects"
        case .project(let id): "/projects/\(id)"
        case .projectStage(let id): "/projects/\(id)/stage"
        case .projectVerify(let id): "/projects/\(id)/verifications"
        case .assets(let unit, _), .createAssetEvent(let unit): "/units/\(unit)/assets"
        case .compliance(let unit, _), .setCompliance(let unit): "/units/\(unit)/compliance"
        case .footprints(let unit), .createFootprint(let unit): "/units/\(unit)/footprints"
        case .footprintModel(let id, _, _): "/footprint-models/\(id)"
        case .importFootprint(let unit): "/units/\(unit)/footprints/import"
        case .inventoryReport(let unit, _): "/units/\(unit)/reports/inventory"
        case .issueInventoryReport(let unit): "/units/\(unit)/reports/inventory/issue"
        case .issuedReport(let id): "/reports/\(id)"
        case .supervisorReport(let unit, _): "/units/\(unit)/reports/supervisor"
        case .scope3(let unit, _): "/units/\(unit)/scope3"
        case .issueSupervisorReport(let unit): "/units/\(unit)/reports/supervisor/issue"
        case .regionSupervisorReport(let code, _): "/regions/\(code)/reports/supervisor"
        case .reportsHome: "/reports"
        case .issueRegionSupervisorReport(let code): "/regions/\(code)/reports/supervisor/issue"
        case .climateReport(let unit, _): "/units/\(unit)/reports/climate"
        case .saveClimateNarrative(let unit): "/units/\(unit)/reports/climate/narrative"
        case .issueClimateReport(let unit): "/units/\(unit)/reports/climate/issue"
        case .deleteFootprint(let id): "/footprint-models/\(id)/delete"
        case .uploadFactorSet: "/factors/sets"
        case .deleteFactorSet(let id): "/factors/sets/\(id)/delete"
        case .signIn: "/signin"
        case .signOut: "/signout"
        case .stylesheet: "/static/peakzero.css"
        case .script: "/static/peakzero.js"
        case .icon: "/static/favicon.svg"
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
        case .records(_, let year, let saved, let page):
            if let year { query.append(("year", String(year))) }
            if let saved { query.append(("saved", String(saved))) }
            if let page, page > 1 { query.append(("page", String(page))) }
        case .newRecord(_, let unit):
            if let unit { query.append(("unit", String(unit))) }
        case .importForm, .importUpload, .importConfirm, .uploadFactorSet, .deleteFactorSet, .signOut: break
        case .month(let unit, let period):
            if let unit { query.append(("unit", String(unit))) }
            if let period { query.append(("period", period)) }
        case .computeInventory: break
        case .signIn(let next):
            if let next { query.append(("next", next)) }
        case .factors(let filter, let added):
            query += filter.query
            if let added { query.append(("added", added)) }
        case .audit(let asked): query += asked.query
        case .periods(_, let year):
            if let year { query.append(("year", String(year))) }
        case .reviewHome, .period, .periodStep, .periodFinding, .accounts, .disableAccount: break
        case .regions, .inventoryLine, .createRecord, .editRecord, .updateRecord, .deleteRecord: break
        case .units(let search, let region):
            if let search, !search.isEmpty { query.append(("q", search)) }
            if let region { query.append(("region", region)) }
        case .targets(let unit, let region):
            if let unit { query.append(("unit", String(unit))) }
            if let region { query.append(("region", region)) }
        case .rankings(let asked): query += asked.query
        case .grades(let unit, let region, let year):
            if let unit { query.append(("unit", String(unit))) }
            if let region { query.append(("region", region)) }
            if let year { query.append(("year", String(year))) }
        case .createTarget, .target, .splitTarget, .deleteTarget, .warnings, .unitGrades, .measures, .createMeasure,
            .updateMeasure:
            break
        case .roadmap(_, let scenario):
            if let scenario { query.append(("scenario", scenario)) }
        case .roadmapExport, .planEditor, .planDriver, .projectReviews, .projectReview: break
        case .projects, .createProject, .project, .projectStage, .projectVerify, .createAssetEvent, .setCompliance: break
        case .assets(_, let date):
            if let date { query.append(("date", date)) }
        case .compliance(_, let year):
            if let year { query.append(("year", String(year))) }
        case .footprints, .createFootprint, .importFootprint, .deleteFootprint: break
        case .inventoryReport(_, let year):
            if let year { query.append(("year", String(year))) }
        case .issueInventoryReport, .issuedReport: break
        case .issueSupervisorReport, .saveClimateNarrative, .issueClimateReport, .reportsHome,
            .issueRegionSupervisorReport:
            break
        case .supervisorReport(_, let year), .scope3(_, let year), .climateReport(_, let year),
            .regionSupervisorReport(_, let year):
            if let year { query.append(("year", String(year))) }
        case .footprintModel(_, let gwp, let draws):
            if let gwp { query.append(("gwp", gwp)) }
            if let draws { query.append(("monte_carlo", String(draws))) }
        case .stylesheet, .script, .icon: return path
        }
        query.append(("lang", language.rawValue))
        return path + "?" + query.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
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

/// What a rankings page asks: whose units (a unit's children or a region's enterprises), which
/// indicator, which year, ranked by what.
struct RankingQuery: Sendable, Equatable {
    var unit: Int64?
    var region: String?
    var indicator: String?
    var year: Int?
    var by: String?

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let unit { query.append(("unit", String(unit))) }
        if let region { query.append(("region", region)) }
        if let indicator { query.append(("indicator", indicator)) }
        if let year { query.append(("year", String(year))) }
        if let by { query.append(("by", by)) }
        return query
    }
}

extension PlanSubject {
    /// The page of the region or unit whose plan it is: `/regions/510000`, `/units/12`.
    var sitePath: String {
        switch self {
        case .region(let code): "/regions/\(code)"
        case .unit(let id): "/units/\(id)"
        }
    }
}
