import Accounting
import Assets
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// Reduction projects and ledger entries from spreadsheets: read, checked exactly as the forms and
/// the API check them, named by row and column when wrong, kept all or none, exported in the same
/// layout and imported again.
@Suite("Importing projects and ledger entries")
struct AssetImportTests {
    static let today = ActivityImportTests.today  // 2024-11-30
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "P", name: "Power plant", level: "enterprise", parentCode: "G", regionCode: "510104"),
        NewUnit(code: "C", name: "Cement plant", level: "enterprise", parentCode: "G", regionCode: "330106"),
    ]

    static func importing(
        _ csv: String, name: String = "file.csv", mode: ImportReport.Mode = .append, dryRun: Bool = false,
        scope: AccessScope = .everything, into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        try await importing(Data(csv.utf8), name: name, mode: mode, dryRun: dryRun, scope: scope, into: db)
    }

    static func importing(
        _ data: Data, name: String, mode: ImportReport.Mode = .append, dryRun: Bool = false,
        scope: AccessScope = .everything, into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        // No kind given: the header row (or the sheet's name) tells it.
        try await FileImport(db).run(
            try IntakeFile(data: data, name: name), mode: mode, dryRun: dryRun, language: .en, createdBy: "rex",
            today: today, scope: scope)
    }

    static func count(_ table: String, _ db: PeakZeroDatabase) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!
            .decode(column: "n", as: Int.self)
    }

    static func found(_ report: ImportReport) -> [String] {
        report.errors.map { "\($0.row ?? 0) \($0.column ?? "") \($0.problem.text(in: .en))" }
    }

    /// Chinese headers and names; a project on two rows; a project naming one further down the file.
    static let projects = """
        单位代码,项目编号,项目名称,项目类型,阶段,投运年份,寿命期（年）,投资（万元）,年运行费用（万元）,年收益（万元）,节约品种或气体,年节约量,计量单位,相互影响的项目
        P,P-02,电机变频改造,节能改造,计划,2024,10,80,2,30,电力,500,MWh,P-01
        P,P-01,余热发电,节能改造,运行中,2022,15,3000,120,900,电力,20000,MWh,
        P,P-01,,,,,,,,,天然气,-50,万Nm3,
        C,C-01,燃料替代,fuel_switch,approved,2025,20,500,,,柴油,3000,t,
        """

    @Test("projects: a dry run keeps nothing, an import keeps all, the export imports again", arguments: TestDatabases.locations)
    func projectsRoundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let g = try await UnitStore(db).unit(code: "G")
            let audited = try await Self.count("audit_log", db)
            let dry = try await Self.importing(Self.projects, dryRun: true, into: db)
            #expect(Self.found(dry) == [] && dry.rowsRead == 4 && dry.rowsValid == 4 && dry.rowsWritten == 0, "\(Self.found(dry))")
            #expect(try await Self.count("reduction_projects", db) == 0)
            #expect(try await Self.count("audit_log", db) == audited)

            let report = try await Self.importing(Self.projects, into: db)
            #expect(Self.found(report) == [] && report.rowsWritten == 4 && report.batchID != nil)
            let stored = try await ProjectStore(db).list(under: g.id)
            #expect(stored.map(\.code) == ["C-01", "P-01", "P-02"])
            let p01 = stored.first { $0.code == "P-01" }!
            #expect(p01.type == .efficiency && p01.stage == .operating && p01.capex == 3000 && p01.lifetimeYears == 15)
            #expect(p01.savings == [.init(item: "电力", quantity: 20000, unit: "MWh"), .init(item: "天然气", quantity: -50, unit: "万Nm3")])
            #expect(stored.first { $0.code == "P-02" }!.interactsWith == ["P-01"])
            #expect(stored.first { $0.code == "C-01" }!.type == .fuelSwitch)
            let audit = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 10, in: db)
            #expect(audit.filter { $0.action == AuditAction.projectSaved.rawValue }.count == 3)
            #expect(try await Self.importing(Self.projects, into: db).alreadyImported)

            // Appending the same projects from another file is refused at each project's first row.
            let again = try await Self.importing(Self.projects + "\n", into: db)
            #expect(again.errors.map(\.row) == [2, 3, 5] && again.rowsWritten == 0)

            // The export, in either language, imports again in replace mode and changes nothing.
            for language in [Language.zh, .en] {
                let tables = try await Exports.subtree(.projects, in: db, under: g.id, year: nil, language: language)
                let file = try Exports.data(tables, format: .xlsx)
                let back = try await Self.importing(file, name: "projects-\(language).xlsx", mode: .replace, into: db)
                #expect(Self.found(back) == [] && back.rowsSuperseded == 3 && back.rowsWritten == 4)
                #expect(try await ProjectStore(db).list(under: g.id).map(\.draft) == stored.map(\.draft))
            }
        }
    }

    @Test("projects: cells that cannot be read, and projects the form would refuse, named by row and column")
    func badProjects() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(Self.units)
            let unreadable = """
                unit,code,name,type,first_year,lifetime_years,capex,item,quantity,uom
                P,P-01,Boiler,efficiency,2024,10,lots,electricity,100,MWh
                P,P-01,Kiln,,,,,natural_gas,,万Nm3
                P,P-02,Motor,efficiency,20x4,10,5,electricity,10,MWh
                """
            let first = try await Self.importing(unreadable, into: db)
            #expect(
                Self.found(first) == [
                    "2 capex not a number: \"lots\"",
                    "3 name differs from “Boiler” on row 2; the rows of one project must agree (later rows may leave it blank)",
                    "3 quantity required, must not be empty", "4 first_year year \"20x4\" is not a four-digit year",
                ], "\(Self.found(first))")
            let refused = """
                unit,code,name,type,first_year,lifetime_years,capex,item,quantity,uom,interacts_with
                P,P-01,Boiler,efficiency,2024,-1,100,electricity,100,MWh,
                P,P-01,,,,,,electricity,5,t,
                X,X-01,Boiler,efficiency,2024,10,100,electricity,100,MWh,
                C,C-01,Kiln,kiln,2024,10,100,原煤,100,t,
                C,C-02,Kiln,efficiency,2024,10,100,原煤,100,t,
                C,C-03,Motor,efficiency,2024,10,100,electricity,100,MWh,C-09
                """
            let second = try await Self.importing(refused, into: db)
            #expect(
                Self.found(second) == [
                    "2 lifetime_years the lifetime must be 1 to 60 years",
                    "3 item electricity is already listed in this project; put it on one line",
                    "3 uom the unit of measure t does not fit electricity",
                    "4 unit no unit has the code \"X\"",
                    "5 type must be one of efficiency, fuel_switch, onsite_renewables, process_change, methane_capture, ccus, sinks, other",
                    // Raw coal has no default carbon content: the project's savings cannot be computed.
                    "6 item the factor library has no carbon content per heat for raw_coal, so the savings cannot be computed",
                    "6 item the factor library has no oxidation rate for raw_coal, so the savings cannot be computed",
                    "7 interacts_with this unit has no project with the code C-09",
                ], "\(Self.found(second))")
            #expect(second.rowsWritten == 0)
            #expect(try await Self.count("reduction_projects", db) == 0)
            #expect(try await Self.count("record_batches", db) == 0)
        }
    }

    /// Chinese headers and names; a transfer between two units; a CCER purchase; a surrender.
    static let ledger = """
        单位代码,日期,业务类型,资产类型,年度,生产月份,项目编号或市场代码,方法学,数量,价格（元）,交易对手,履约年度,抵扣用电期间,逾期,转入单位代码
        P,2024-03-01,预分配,cea,2023,,,,1000,,,,,,
        P,2024/6/30,买入,CCER,2017,,CCER-0001,CM-001-V01,40,62.5,上海环境能源交易所,,,,
        P,2024-07-01,划转,cea,2023,,,,200,,,,,,C
        P,2024-12-20,清缴履约,cea,2023,,,,700,,,2023,,,
        C,2024-09-01,买入,gec,2024,5,GEC-P,,30,5,,,,,
        C,2024-10-01,注销,gec,2024,5,GEC-P,,10,,,,2024,,
        """

    @Test("ledger: booked in order, all or none; balances follow; the export books the same again", arguments: TestDatabases.locations)
    func ledgerRoundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let (g, p, c) = (
                try await UnitStore(db).unit(code: "G"), try await UnitStore(db).unit(code: "P"),
                try await UnitStore(db).unit(code: "C")
            )
            let dry = try await Self.importing(Self.ledger, dryRun: true, into: db)
            #expect(Self.found(dry) == [] && dry.rowsRead == 6 && dry.rowsValid == 6 && dry.rowsWritten == 0, "\(Self.found(dry))")
            #expect(try await Self.count("asset_events", db) == 0)
            #expect(try await Self.count("asset_rollup", db) == 0)

            let report = try await Self.importing(Self.ledger, into: db)
            #expect(Self.found(report) == [] && report.rowsWritten == 6 && report.batchID != nil)
            // The transfer is two entries: seven in all.
            #expect(try await Self.count("asset_events", db) == 7)
            let ledger = AssetLedgerStore(db)
            let end = CalendarDay(year: 2024, month: 12, day: 31)!
            let pHeld = try await ledger.balances(under: p.id, at: end).map { "\($0.lot) \($0.quantity)" }
            // By hand: CEA 1000 − 200 transferred − 700 surrendered; the 40 CCER bought.
            #expect(pHeld == ["ccer:2017:CCER-0001:CM-001-V01 40", "cea:2023 100"], "\(pHeld)")
            let cHeld = try await ledger.balances(under: c.id, at: end).map { "\($0.lot) \($0.quantity)" }
            // The 200 transferred in; certificates 30 bought − 10 retired.
            #expect(cHeld == ["cea:2023 200", "gec:2024-05:GEC-P 20"], "\(cHeld)")
            #expect(try await Self.importing(Self.ledger, into: db).alreadyImported)

            // The export: six rows (the transfer as one), which book the same entries into a fresh ledger.
            let tables = try await Exports.subtree(.ledger, in: db, under: g.id, year: nil, language: .zh)
            #expect(tables[0].rows.count == 6)
            let file = try Exports.data(tables, format: .xlsx)
            let entries = try await ledger.entries(under: g.id).map(\.event)
            try await TestDatabases.withDatabase(kind) { fresh async throws in
                try await UnitStore(fresh).create(Self.units)
                let again = try await Self.importing(file, name: "ledger.xlsx", into: fresh)
                #expect(Self.found(again) == [] && again.rowsWritten == 6, "\(Self.found(again))")
                let group = try await UnitStore(fresh).unit(code: "G")
                #expect(try await AssetLedgerStore(fresh).entries(under: group.id).map(\.event) == entries)
            }
        }
    }

    @Test("ledger: a row the balances refuse is named and nothing is kept; replace mode and unknown units refused")
    func badLedger() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(Self.units)
            // Row 3 sells more than row 2 left; row 4 is checked as if row 3 were not there and passes;
            // row 5 retires certificates never held; row 6 transfers to a unit that does not exist.
            let csv = """
                unit,day,action,kind,vintage,month,reference,quantity,retired_for,late,to_unit
                P,2024-03-01,allocate_pre,cea,2023,,,100,,,
                P,2024-04-01,sell,cea,2023,,,150,,,
                P,2024-04-02,卖出,cea,2023,,,50,,,
                P,2024-05-01,retire,gec,2024,5,GEC-X,10,2024,,
                P,2024-05-02,transfer,cea,2023,,,10,,,Z
                P,2024-05-03,buy,cea,2023,,,10,,maybe,
                P,2024-05-04,allocate_pre,cea,2023,,,1.5,,,
                """
            let report = try await Self.importing(csv, into: db)
            #expect(
                Self.found(report) == [
                    "6 to_unit no unit has the code \"Z\"",
                    "7 late \"maybe\" is not valid (use one of: 是, 否, yes, no)",
                    "8 quantity \"1.5\" is not a whole number",
                ], "\(Self.found(report))")
            // Without the bad cells, the balances speak: row 3 and row 5.
            let cells = csv.split(separator: "\n").prefix(5).joined(separator: "\n")
            let booked = try await Self.importing(cells, into: db)
            #expect(
                Self.found(booked) == [
                    "3 quantity on 2024-04-01 the account holds 100 of cea:2023, less than 150; a balance cannot go negative",
                    "5 quantity on 2024-05-01 the account holds 0 of gec:2024-05:GEC-X, less than 10; a balance cannot go negative",
                ], "\(Self.found(booked))")
            #expect(booked.rowsValid == 2 && booked.rowsWritten == 0)
            #expect(try await Self.count("asset_events", db) == 0)
            #expect(try await Self.count("record_batches", db) == 0)
            let replace = try await Self.importing(cells, mode: .replace, into: db)
            #expect(replace.errors.map(\.problem) == [.appendOnly] && replace.rowsWritten == 0)
            // Units outside the importer's scope read as units that do not exist.
            let c = try await UnitStore(db).unit(code: "C")
            let cementOnly = try await AccessScope.readAndWrite(
                of: Account(id: 1, name: "m", createdAt: "", grants: [RoleGrant(role: .reporter, unitID: c.id)]),
                changing: [.reporter], in: db
            ).write
            let scoped = try await Self.importing(
                "unit,day,action,kind,vintage,quantity\nP,2024-03-01,allocate_pre,cea,2023,100\n", scope: cementOnly,
                into: db)
            #expect(Self.found(scoped) == ["2 unit no unit has the code \"P\""], "\(Self.found(scoped))")
            // A file larger than one import takes is refused whole, before any row is read.
            let huge = "unit,day,action,kind,vintage,quantity\n"
                + String(repeating: "P,2024-03-01,allocate_pre,cea,2023,1\n", count: 20_001)
            let refusedWhole = try await Self.importing(huge, into: db)
            #expect(refusedWhole.errors.map(\.problem) == [.tooManyRows(count: 20_001, limit: 20_000)] && refusedWhole.rowsRead == 0)
        }
    }
}
