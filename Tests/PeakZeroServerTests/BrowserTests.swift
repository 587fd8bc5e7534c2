import Accounting
import Footprint
import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Debian's Chromium, driven headless over the DevTools protocol (`DevToolsPipe`).
enum HeadlessChromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Serves `database` on a loopback port with an administrator who signs in with `password`,
    /// and runs `body` with the server's address.
    static func serve(
        _ database: PeakZeroDatabase,
        _ body: @escaping @Sendable (_ base: String, _ client: any TestClientProtocol) async throws -> Void
    ) async throws {
        let accounts = AccountStore(database, cost: 4)
        _ = try await accounts.create(name: "admin", password: TestAccounts.adminPassword, grants: [.admin])
        let app = Application(
            router: try APIRouter.make(database: database, accounts: accounts),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client async throws in
            try await body("http://127.0.0.1:\(client.port!)", client)
        }
    }
}

/// The pages in a real browser: the script runs under the pages' content security policy, and a
/// dashboard prints on A4. Skipped where Chromium is not installed; CI installs it.
@Suite("Web pages in Chromium", .enabled(if: HeadlessChromium.path != nil), .serialized)
struct BrowserTests {
    @Test("the overview's script makes its table sortable; printed, it is A4 pages with the indicators")
    func overviewInChromium() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            try await HeadlessChromium.serve(database) { base, _ in
                let (sortable, heading, pdf) = try await HeadlessChromium.drive { browser in
                    try browser.signIn(at: base, name: "admin", password: TestAccounts.adminPassword)
                    try browser.open(base + "/?lang=en")
                    // Added by peakzero.js: it ran, under the page's script policy.
                    let sortable = try browser.evaluate("document.querySelector('.sort-control') !== null") as? Bool
                    let heading = try browser.evaluate("document.querySelector('.cards')?.textContent ?? ''") as? String
                    return (sortable, heading, try browser.printToPDF())
                }
                #expect(heading?.contains("Energy consumption") == true)
                #expect(sortable == true, "the script did not run")
                let text = String(decoding: pdf, as: UTF8.self)
                let pages =
                    text.components(separatedBy: "/Type /Page\n").count - 1
                    + text.components(separatedBy: "/Type/Page/").count - 1
                #expect(text.hasPrefix("%PDF"))
                // A4 is 595 × 842 points.
                #expect(
                    text.contains("/MediaBox [0 0 595 842]") || text.contains("/MediaBox [0 0 594.95996 841.91998]"))
                #expect(pages >= 1)
            }
        }
    }

    /// Where the screenshots go, for a reviewer to look at: `.build/screenshots/`.
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/screenshots").standardized

    /// axe-core, fetched by `scripts/fetch-axe` (CI runs it first); nil where it was not fetched.
    static let axe: String? = {
        let file = screenshots.deletingLastPathComponent().appendingPathComponent("axe/axe.min.js")
        return try? String(contentsOf: file, encoding: .utf8)
    }()

    /// axe-core's rules run on the page: each violation as "rule: first element (count)".
    static let axeViolations = """
        axe.run(document, { resultTypes: ["violations"] }).then(r => r.violations.map(v =>
          v.id + ": " + v.nodes[0].target.join(" ") + " (" + v.nodes.length + ")"))
        """

    /// axe-core's violations on the page as it is drawn now (it is loaded into the page once).
    static func accessibilityProblems(_ browser: DevToolsPipe, _ width: String) throws -> [String] {
        guard let axe else { return [] }
        if try browser.evaluate("typeof axe === 'undefined'") as? Bool == true { _ = try browser.evaluate(axe) }
        // The page's script reacts to the new width first (it makes scrolling boxes focusable).
        _ = try browser.evaluateAwaiting("new Promise(done => setTimeout(done, 50))")
        let violations = try browser.evaluateAwaiting(axeViolations) as? [String] ?? []
        return violations.map { "axe at \(width): \($0)" }
    }

    /// The first number written with an exponent in the page's text or its charts' labels, if any.
    static let exponentInText = """
        (() => {
          const text = document.body.innerText + " " +
            Array.from(document.querySelectorAll("svg text")).map(t => t.textContent).join(" ");
          const found = text.match(/\\d(\\.\\d+)?[eE][+-]\\d+/);
          return found ? found[0] : "";
        })()
        """

    /// Empty when the page fits the window's width; else its width and the outermost elements that
    /// stick out past the right edge, for the failure message.
    static let widerThanScreen = """
        (() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return "";
          const out = Array.from(document.querySelectorAll("body *")).filter(e => {
            const box = e.getBoundingClientRect();
            return box.right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1);
          }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? "." + e.className : ""));
          return document.documentElement.scrollWidth + " px: " + out.join(", ");
        })()
        """

    @Test("every main page loads without a console message and fits a 390-px phone, in both languages; screenshots under .build/screenshots")
    func mainPages() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let root = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let inventory = try await InventoryStore(database).list(unitID: root.id, year: 2024)[0]
            let record = try await ActivityStore(database).list(under: facility.id, year: 2024)[0]
            let province = try #require(
                try await TargetStore(database).list(scope: .everything, subject: .region(RegionPrefix("51")!)).first)
            let enterprise = try await UnitStore(database).unit(code: "DEMO-G2-E1")
            let listed = try await UnitStore(database).unit(code: DemoProvince.climateReporterCode)
            let review = try #require(try await ProjectReviewStore(database).reviews(.region("510000")).first)
            let group = try await UnitStore(database).unit(code: "DEMO-G1")
            let groupReview = try #require(try await ProjectReviewStore(database).reviews(.unit(group.id)).first)
            let biogas = try #require(try await ProjectStore(database).list(under: root.id).first { $0.code == "BG-01" })
            let example = Self.screenshots.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Examples/footprint-heijungs-suh.json")
            let footprint = try await FootprintModelStore(database).save(
                ProductModel.decode(json: Data(contentsOf: example)), unitID: facility.id)
            try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
            let shots = Self.screenshots
            try await HeadlessChromium.serve(database) { base, client in
                // What users typed (the signed-in account's name among it), to tell from PeakZero's words.
                let typed = try await LanguagePurity.typedTexts(database)
                // The overview in the browser shows the API's figures.
                let json = try await SignedInClient(client: client, token: try await TestAccounts.token(database))
                    .execute(
                        uri: "/api/v1/units/\(root.id)/indicators?year=2024", method: .get
                    ) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any] }
                let totals = json["totals"] as! [String: Any]
                let pages = [
                    ("overview", "/?year=2024"), ("units", "/units"), ("unit", "/units/\(facility.id)?year=2024"),
                    ("regions", "/regions"), ("region", "/regions/510100?year=2024"), ("province", "/regions/510000?year=2024"),
                    ("inventory", "/inventories/\(inventory.id)"),
                    ("lineage", "/inventories/\(inventory.id)/lines/\(record.id)"),
                    ("records", "/units/\(facility.id)/records?year=2024"),
                    ("new-activity", "/data/activity/new?unit=\(facility.id)"), ("import", "/data/import"),
                    ("factors", "/factors?kind=grid_average"), ("not-found", "/units/999999"),
                    ("review", "/units/\(root.id)/periods?year=2024"),
                    ("period", "/units/\(facility.id)/periods/2024-03"), ("audit", "/audit"), ("accounts", "/accounts"),
                    ("targets", "/targets"), ("target", "/targets/\(province.id)"), ("warnings", "/warnings"),
                    ("rankings", "/rankings?unit=\(root.id)&year=2024"),
                    ("grades", "/carbon-efficiency?unit=\(root.id)&year=2024"),
                    ("grade-history", "/units/\(enterprise.id)/carbon-efficiency"),
                    ("measures", "/units/\(enterprise.id)/measures"),
                    ("roadmap", "/regions/510000/pathway"), ("roadmap-enhanced", "/regions/510000/pathway?scenario=enhanced"),
                    ("plan-editor", "/regions/510000/pathway/plan"), ("project-reviews", "/regions/510000/pathway/reviews"),
                    ("project-review", "/regions/510000/pathway/reviews/\(review.id)"),
                    ("unit-roadmap", "/units/\(group.id)/pathway?scenario=lead"),
                    ("unit-plan-editor", "/units/\(group.id)/pathway/plan"),
                    ("unit-project-reviews", "/units/\(group.id)/pathway/reviews"),
                    ("unit-project-review", "/units/\(group.id)/pathway/reviews/\(groupReview.id)"),
                    ("projects", "/units/\(root.id)/projects?gap=50000"), ("project", "/projects/\(biogas.id)"),
                    ("assets", "/units/\(root.id)/assets?date=2025-12-31"),
                    ("compliance", "/units/\(root.id)/compliance?year=2024"),
                    ("footprints", "/units/\(facility.id)/footprints"),
                    ("footprint", "/footprint-models/\(footprint.id)?monte_carlo=200"),
                    ("inventory-report", "/units/\(root.id)/reports/inventory?year=2024"),
                    ("supervisor-report", "/units/\(root.id)/reports/supervisor?year=2024"),
                    ("issued-report", "/reports/1"), ("issued-supervisor-report", "/reports/2"),
                    ("climate-report", "/units/\(listed.id)/reports/climate?year=2024"), ("issued-climate-report", "/reports/3"),
                    ("scope3", "/units/\(listed.id)/scope3?year=2024"),
                    ("region-supervisor-report", "/regions/510000/reports/supervisor?year=2024"), ("reports", "/reports"),
                    ("month", "/data/month?period=2024-03"),
                ]
                let seen = try await HeadlessChromium.drive { browser in
                    try browser.setViewport(width: 1440, height: 1600)
                    try browser.open(base + "/signin?lang=en")
                    try browser.screenshot(to: shots.appendingPathComponent("signin-en.png"))
                    try browser.signIn(at: base, name: "admin", password: TestAccounts.adminPassword)
                    try browser.open(base + "/?year=2024&lang=en")
                    let cards =
                        try browser.evaluate(
                            "Array.from(document.querySelectorAll('.cards .value')).map(v => v.textContent)")
                        as? [String]
                    var problems: [String: [String]] = [:]
                    var allSlips: [String] = []
                    defer {
                        try? allSlips.joined(separator: "\n").write(
                            to: shots.appendingPathComponent("language-slips.txt"), atomically: true, encoding: .utf8)
                    }
                    for (name, path) in pages {
                        for language in ["zh", "en"] {
                            let url = base + path + (path.contains("?") ? "&" : "?") + "lang=\(language)"
                            let mark = browser.events.count
                            try browser.open(url)
                            try browser.screenshot(to: shots.appendingPathComponent("\(name)-\(language).png"))
                            // The unknown unit's page answers 404 by design, which the browser logs.
                            problems[url] = browser.problems(since: mark).filter {
                                !(name == "not-found" && $0.contains("status of 404"))
                            }
                            problems[url, default: []] += try Self.accessibilityProblems(browser, "1440 px")
                            // Numbers read as numbers: no "1e+06" in text or chart labels.
                            if let exponent = try browser.evaluate(Self.exponentInText) as? String, !exponent.isEmpty {
                                problems[url, default: []].append("a number with an exponent: \(exponent)")
                            }
                            // Each language alone: no English word in Chinese, no CJK in English.
                            let texts = try browser.evaluate(LanguagePurity.pageTexts) as? [String] ?? []
                            let slips = LanguagePurity.slips(in: texts, language: language, typed: typed)
                            allSlips += slips.map { "\(name)-\(language): \($0)" }
                            if !slips.isEmpty {
                                problems[url, default: []].append(
                                    "\(slips.count) texts not in \(language): " + slips.prefix(5).joined(separator: "; "))
                            }
                            // On a phone (390 px) the page is no wider than the screen.
                            try browser.setViewport(width: 390, height: 844)
                            if let wider = try browser.evaluate(Self.widerThanScreen) as? String, !wider.isEmpty {
                                problems[url, default: []].append("wider than 390 px: \(wider)")
                            }
                            problems[url, default: []] += try Self.accessibilityProblems(browser, "390 px")
                            try browser.screenshot(to: shots.appendingPathComponent("\(name)-\(language)-390.png"))
                            try browser.setViewport(width: 1440, height: 1600)
                        }
                    }
                    return (cards ?? [], problems)
                }
                // The four indicators: the two totals as amounts, the two intensities as such.
                let indicators: [(String, (Double) -> String)] = [
                    ("energy_tce_calorific", { WebNumbers.amount($0, .en) }),
                    ("co2e_t", { WebNumbers.amount($0, .en) }),
                    ("energy_intensity_tce_per_10k_cny_output", WebNumbers.intensity),
                    ("carbon_intensity_t_per_10k_cny_output", WebNumbers.intensity),
                ]
                let expected = try indicators.map { key, format in
                    format(try #require(totals[key] as? Double, "\(key) missing from the API"))
                }
                #expect(seen.0 == expected)
                #expect(seen.1.count == pages.count * 2)
                for (url, problems) in seen.1 { #expect(problems.isEmpty, "\(url): \(problems)") }
            }
        }
    }

    @Test("typed into in Chromium: a bad value shows its field's problem; an import's dry run lists its rows' errors")
    func formsInChromium() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let stored = try await ActivityStore(database).list(under: facility.id).count
            // Row 2 has a negative quantity, row 3 a unit PeakZero does not know.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID()).csv")
            try Data("单位代码,期间,品种,数量,计量单位\nDEMO-G2-E1-F1,2024-01,柴油,-1,t\nNOPE,2024-01,柴油,1,t\n".utf8)
                .write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
            let shots = Self.screenshots
            try await HeadlessChromium.serve(database) { base, _ in
                let seen = try await HeadlessChromium.drive { browser in
                    try browser.signIn(at: base, name: "admin", password: TestAccounts.adminPassword)
                    try browser.open(base + "/data/activity/new?unit=\(facility.id)&lang=en")
                    try browser.type("2024-05", into: "#field-period")
                    _ = try browser.evaluate("document.querySelector('#field-item').value = 'diesel'")
                    try browser.type("-5", into: "#field-quantity")
                    try browser.type("t", into: "#field-uom")
                    try browser.waitingForLoad { try browser.click("form.record button[type=submit]") }
                    let fieldError =
                        try browser.evaluate(
                            "document.querySelector('#field-quantity-error')?.textContent") as? String
                    let typed = try browser.evaluate("document.querySelector('#field-quantity').value") as? String
                    try browser.screenshot(to: shots.appendingPathComponent("form-error-en.png"))

                    try browser.open(base + "/data/import?lang=zh")
                    try browser.chooseFile(file.path, in: "#field-file")
                    try browser.waitingForLoad { try browser.click("form.record button[type=submit]") }
                    let rows =
                        try browser.evaluate(
                            """
                            Array.from(document.querySelectorAll('table.issues.errors tbody tr'))
                              .map(row => row.cells[1].textContent + ' ' + row.cells[2].textContent)
                            """) as? [String]
                    let confirm = try browser.evaluate("document.querySelector('form.confirm') !== null") as? Bool
                    try browser.screenshot(to: shots.appendingPathComponent("import-dry-run-zh.png"))

                    // The month's form offers only the units of measure that fit the item chosen.
                    try browser.open(base + "/data/month?unit=\(facility.id)&period=2025-02&lang=zh")
                    func offered(_ item: String) throws -> [String] {
                        _ = try browser.evaluate(
                            "(s => { s.value = '\(item)'; s.dispatchEvent(new Event('change')); })(document.querySelector('#month-item'))")
                        return try browser.evaluate(
                            "Array.from(document.querySelectorAll('#month-uom option')).filter(o => !o.hidden).map(o => o.value)")
                            as? [String] ?? []
                    }
                    let measures = (electricity: try offered("electricity"), diesel: try offered("diesel"))
                    return Seen(
                        fieldError: fieldError, typed: typed, rows: rows ?? [], confirmOffered: confirm ?? true,
                        problems: browser.problems, measures: measures)
                }
                #expect(seen.fieldError?.isEmpty == false, "no problem under the quantity")
                #expect(seen.typed == "-5", "what was typed stays in the field")
                #expect(seen.rows.map { $0.prefix { $0 != " " } } == ["2", "3"], "\(seen.rows)")
                #expect(seen.rows.allSatisfy { $0.contains(" D ") || $0.contains(" A ") }, "\(seen.rows)")
                #expect(!seen.confirmOffered, "a file with errors cannot be confirmed")
                // Electricity in energy units only; diesel by mass or heat, never in kWh.
                let energy = Set(Self.spellings { $0.dimension == .energy })
                #expect(!seen.measures.electricity.isEmpty && seen.measures.electricity.allSatisfy(energy.contains))
                #expect(seen.measures.diesel.contains("t") && !seen.measures.diesel.contains("kWh"), "\(seen.measures.diesel)")
                // The two refused posts answer 422 by design; the browser logs that, and nothing else.
                let refusals = seen.problems.filter { $0.contains("status of 422") }
                #expect(refusals.count == 2 && refusals.allSatisfy { $0.contains("/data/") }, "\(refusals)")
                #expect(seen.problems.count == refusals.count, "\(seen.problems)")
            }
            #expect(try await ActivityStore(database).list(under: facility.id).count == stored, "nothing written")
        }
    }

    @Test("a model file chosen in Chromium is imported and shows its footprint and declaration, in both languages")
    func footprintImportInChromium() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID()).csv")
            try Data(FootprintAPITests.templateCSV.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
            let shots = Self.screenshots
            try await HeadlessChromium.serve(database) { base, _ in
                let seen = try await HeadlessChromium.drive { browser in
                    try browser.signIn(at: base, name: "admin", password: TestAccounts.adminPassword)
                    try browser.open(base + "/units/\(facility.id)/footprints?lang=en")
                    try browser.chooseFile(file.path, in: "#f-file")
                    try browser.waitingForLoad { try browser.click("form[enctype] button[type=submit]") }
                    let url = try browser.evaluate("location.pathname + location.search") as? String ?? ""
                    let headings = try browser.evaluate(
                        "Array.from(document.querySelectorAll('h2')).map(h => h.textContent)") as? [String] ?? []
                    try browser.screenshot(to: shots.appendingPathComponent("footprint-imported-en.png"))
                    try browser.open(base + url.replacingOccurrences(of: "lang=en", with: "lang=zh"))
                    let chinese = try browser.evaluate(
                        "Array.from(document.querySelectorAll('h2')).map(h => h.textContent)") as? [String] ?? []
                    try browser.screenshot(to: shots.appendingPathComponent("footprint-imported-zh.png"))
                    return (url, headings, chinese, browser.problems)
                }
                #expect(seen.0.hasPrefix("/footprint-models/") && seen.0.contains("imported=1"), "\(seen.0)")
                #expect(seen.1.contains("Declaration (GB/T 24067-2024)"), "\(seen.1)")
                #expect(seen.2.contains("声明(GB/T 24067-2024)"), "\(seen.2)")
                #expect(seen.3.isEmpty, "\(seen.3)")
            }
        }
    }

    @Test("a report's PDF link shows the seconds it takes, then that the PDF is saved; the narrative form keeps a refused text")
    func reportProgressAndNarrativeInChromium() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let listed = try await UnitStore(database).unit(code: DemoProvince.climateReporterCode)
            try await HeadlessChromium.serve(database) { base, _ in
                let seen = try await HeadlessChromium.drive { browser in
                    try browser.signIn(at: base, name: "admin", password: TestAccounts.adminPassword)
                    try browser.open(base + "/units/\(listed.id)/reports/climate?year=2024&lang=en")
                    try browser.click("a[data-wait]")
                    var statuses: [String] = []
                    for _ in 0..<60 {
                        let status = try browser.evaluate("document.querySelector('.wait-status')?.textContent") as? String
                        if let status, statuses.last != status { statuses.append(status) }
                        if status?.contains("PDF saved.") == true { break }
                        usleep(250_000)
                    }
                    // A section with markup: the page again, the text kept, the problem above it.
                    _ = try browser.evaluate("document.querySelector('details.narrative-form').open = true")
                    try browser.type("<b>bold</b>", into: "#n-strategy")
                    try browser.waitingForLoad { try browser.click("details.narrative-form button[type=submit]") }
                    let problem = try browser.evaluate("document.querySelector('#e-strategy')?.textContent") as? String
                    let kept = try browser.evaluate("document.querySelector('#n-strategy').value") as? String
                    return (statuses, problem, kept, browser.problems)
                }
                #expect(seen.0.first?.contains("Printing the PDF… 0 s") == true, "\(seen.0)")
                #expect(seen.0.last?.contains("PDF saved.") == true, "\(seen.0)")
                #expect(seen.1?.contains("<b>") == true, "\(seen.1 ?? "")")
                #expect(seen.2 == "<b>bold</b>")
                // The refused form answers 422, which the browser logs; nothing else.
                #expect(seen.3.allSatisfy { $0.contains("status of 422") }, "\(seen.3)")
            }
        }
    }

    /// The month form's offered spellings of the units of measure that satisfy `test`.
    static func spellings(_ test: (UnitOfMeasure) -> Bool) -> [String] {
        PageHandlers.measureOptions.filter { UnitOfMeasure(parsing: $0.value).map(test) ?? false }.map(\.value)
    }

    struct Seen: Sendable {
        let fieldError: String?
        let typed: String?
        let rows: [String]
        let confirmOffered: Bool
        let problems: [String]
        let measures: (electricity: [String], diesel: [String])
    }
}
