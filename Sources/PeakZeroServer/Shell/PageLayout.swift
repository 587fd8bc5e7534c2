import Foundation
import Accounting

/// What every page's frame shows: the strings of its language, its title, the navigation and the
/// link to the same page in the other language.
struct PageLayout: Sendable {
    struct NavLink: Sendable {
        let label: String
        let url: String
        let current: Bool
    }

    let t: [String: String]
    /// `zh` or `en`, kept by forms that lead to another page.
    let language: String
    /// The page's `lang` attribute (`zh-CN`, `en`).
    let lang: String
    let title: String
    let stylesheet: String
    let script: String
    let icon: String
    let home: String
    let nav: [NavLink]
    let otherLanguage: String
    let otherLanguageURL: String
    /// The other language's code, for the switch's `lang`: its name is written in that language.
    let otherLanguageCode: String
    let searchURL: String
    /// The signed-in account's name; nil on the sign-in page, which shows no menu.
    let account: String?
    let signOutAction: String
    /// The session's form token, which every form that posts carries (`csrf`).
    let csrf: String
    /// When the page was made, in Beijing time: the print header's date until the script puts the
    /// moment of printing there.
    let generatedAt: String
    /// When the figures on the page were computed (数据截至), for pages that rest on inventories.
    var dataAsOf: String? = nil

    init(
        strings: WebStrings, language: Language, title: String, current: SitePage,
        sameIn other: (Language) -> SiteURL
    ) {
        let t = strings.table(language)
        self.t = t.table
        self.language = language.rawValue
        lang = t[.langCode]
        self.title = title
        stylesheet = SiteURL.stylesheet.link(language)
        script = SiteURL.script.link(language)
        icon = SiteURL.icon.link(language)
        home = SiteURL.overview(year: nil).link(language)
        var nav = [
            NavLink(
                label: t[.navOverview], url: SiteURL.overview(year: nil).link(language),
                current: current == .overview),
            NavLink(
                label: t[.navUnits], url: SiteURL.units(search: nil).link(language),
                current: [
                    .units, .unit, .unitRoadmap, .unitPlanEditor, .unitProjectReviews, .unitProjectReview, .projects,
                    .project, .assets, .compliance,
                ].contains(current)),
            NavLink(
                label: t[.navRegions], url: SiteURL.regions.link(language),
                current: [.regions, .region, .roadmap, .planEditor, .projectReviews, .projectReview].contains(current)),
            NavLink(
                label: t[.navData], url: SiteURL.month(unit: nil, period: nil).link(language),
                current: [.month, .importForm, .records, .recordNew, .recordEdit].contains(current)),
            NavLink(
                label: t[.navReview], url: SiteURL.reviewHome.link(language),
                current: [.reviewHome, .periods, .period].contains(current)),
            NavLink(
                label: t[.navTargets], url: SiteURL.targets(unit: nil, region: nil).link(language),
                current: [.targets, .target, .warnings, .measures].contains(current)),
            NavLink(
                label: t[.navSupervision], url: SiteURL.rankings(RankingQuery()).link(language),
                current: [.rankings, .grades, .unitGrades].contains(current)),
            NavLink(
                label: t[.navReports], url: SiteURL.reportsHome.link(language),
                current: [
                    .reportsHome, .inventoryReport, .climateReport, .supervisorReport, .regionSupervisorReport,
                    .issuedReport, .scope3,
                ].contains(current)),
            NavLink(
                label: t[.navFactors], url: SiteURL.factors(FactorFilter(), added: nil).link(language),
                current: current == .factors),
            NavLink(label: t[.navApi], url: APIRoute.openAPI.path, current: false),
        ]
        if let account = Identity.current?.account,
            !RouteChange.managesAccounts.isDisjoint(with: account.grants.map(\.role))
        {
            nav.insert(
                NavLink(
                    label: t[.navAccounts], url: SiteURL.accounts.link(language), current: current == .accounts),
                at: nav.count - 1)
        }
        if let account = Identity.current?.account, AuditAccess.mayRead(account) {
            nav.insert(
                NavLink(
                    label: t[.navAudit], url: SiteURL.audit(AuditQuery()).link(language),
                    current: current == .audit), at: nav.count - 1)
        }
        self.nav = nav
        let otherLanguage: Language = language == .zh ? .en : .zh
        self.otherLanguage = t[.otherLanguage]
        otherLanguageURL = other(otherLanguage).link(otherLanguage)
        otherLanguageCode = otherLanguage.rawValue
        searchURL = SiteURL.units(search: nil).path
        account = Identity.current?.account.name
        signOutAction = SiteURL.signOut.link(language)
        csrf = Identity.current?.csrfToken ?? ""
        generatedAt = BeijingTime.minute(Date())
    }
}
