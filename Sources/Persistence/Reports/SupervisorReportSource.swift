import Accounting
import Foundation
import Governance
import Reports

/// Gathers a supervisor's report on a unit's subtree from what is stored: the roll-up of the year and
/// the last (the dashboard's figures), each child's, the targets set on the unit and the units below
/// it judged as of the report's day, the overdue measures and the review board's completeness — as
/// far as the asker's scope reaches.
public struct SupervisorReportSource: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// `StoreError.conflict` when no inventory of the year covers the unit.
    public func report(
        unitID: Int64, year: Int, asOf today: String, method: Scope2Method = .location, scope: AccessScope,
        language: Language
    ) async throws -> SupervisorReport {
        let units = UnitStore(database)
        let unit = try await units.unit(id: unitID)
        let rollup = try await RollupStore(database).rollup(.unit(id: unitID, approach: .control), year: year)
        let subtree = try await units.list(under: unitID, scope: scope)
        let codes = Dictionary(subtree.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let children = rollup.byChild.compactMap { key, figures -> SupervisorReport.ChildLine? in
            guard let id = Int64(key), let child = codes[id] else { return nil }
            return .init(code: child.code, name: child.name, indicators: .init(figures, method: method))
        }
        let board = GovernanceBoard(database, currentYear: year)
        let targets = try await Self.targetLines(board: board, units: codes, scope: scope, language: language, database)
        let overdue = try await board.overdueMeasures(scope: scope, today: today).compactMap {
            measure -> SupervisorReport.MeasureLine? in
            guard let owner = codes[measure.unitId] else { return nil }
            return .init(unitCode: owner.code, title: measure.title, owner: measure.ownerPerson, deadline: measure.deadline)
        }
        let review = try await ReviewStore(database).completeness(under: unitID, year: year, scope: scope, today: today)
        return Self.assemble(
            .init(unitCode: unit.code, unitName: unit.name, year: year, asOf: today, scope2Method: method), rollup,
            children: children, targets: targets, overdue: overdue, review: review)
    }

    /// A supervisor's report on a region (a province, city or county) for a year as of a day: the
    /// region's four indicators from the inventories of the units registered there, last year's,
    /// each city's or county's, the targets set on the region and the regions within it, the
    /// overdue measures and the reporting completeness of the units located there — as far as the
    /// asker's scope reaches. `StoreError.conflict` when no inventory of the year covers the region.
    /// - Parameters:
    ///   - name: the region's name, and `childName` each city's or county's (the server knows them).
    public func report(
        region: RegionPrefix, code: String, name: String, childName: (String) -> String, year: Int,
        asOf today: String, method: Scope2Method = .location, scope: AccessScope, language: Language
    ) async throws -> SupervisorReport {
        let rollup = try await RollupStore(database).rollup(.region(region), year: year)
        guard !rollup.inventories.isEmpty else {
            throw StoreError.conflict("no inventory of \(year) covers region \(code); compute one first")
        }
        let children = rollup.byChild.map { key, figures in
            SupervisorReport.ChildLine(code: key, name: childName(key), indicators: .init(figures, method: method))
        }
        let units = try await UnitStore(database).list(region: region, scope: scope)
        let located = Set(units.map(\.id))
        let board = GovernanceBoard(database, currentYear: year)
        var targets: [SupervisorReport.TargetLine] = []
        for stored in try await TargetStore(database).list(scope: scope) {
            guard let regionCode = stored.subject.regionCode, regionCode.hasPrefix(region.prefix) else { continue }
            let progress = try await board.progress(of: stored)
            targets.append(
                .init(
                    name: stored.name, subject: regionCode == region.prefix ? "\(code) \(name)" : regionCode,
                    indicator: stored.target.indicator.rawValue,
                    indicatorName: stored.target.indicator.name(in: language), unit: stored.target.indicator.symbol,
                    year: progress.year, limit: progress.limit?.value, toDate: progress.toDate?.value,
                    forecast: progress.forecast?.value, ratio: progress.ratio, light: progress.light.rawValue))
        }
        let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        let overdue = try await board.overdueMeasures(scope: scope, today: today).compactMap {
            measure -> SupervisorReport.MeasureLine? in
            guard located.contains(measure.unitId), let owner = codes[measure.unitId] else { return nil }
            return .init(unitCode: owner, title: measure.title, owner: measure.ownerPerson, deadline: measure.deadline)
        }
        let review = try await ReviewStore(database).completeness(of: units, year: year, today: today)
        return Self.assemble(
            .init(unitCode: code, unitName: name, year: year, asOf: today, scope2Method: method), rollup,
            children: children, targets: targets, overdue: overdue, review: review)
    }

    /// The report from its gathered parts.
    static func assemble(
        _ basis: SupervisorReport.Basis, _ rollup: Rollup, children: [SupervisorReport.ChildLine],
        targets: [SupervisorReport.TargetLine], overdue: [SupervisorReport.MeasureLine],
        review: (periods: Int, byStatus: [PeriodStatus: Int], late: Int)
    ) -> SupervisorReport {
        SupervisorReport(
            basis: basis, indicators: .init(rollup.totals, method: basis.scope2Method),
            previousYear: rollup.previousYear.map { .init($0, method: basis.scope2Method) }, children: children,
            targets: targets, overdueMeasures: overdue,
            completeness: .init(
                periods: review.periods,
                byStatus: Dictionary(uniqueKeysWithValues: review.byStatus.map { ($0.key.rawValue, $0.value) }),
                late: review.late))
    }

    /// The targets set on the given units, each judged by the board.
    static func targetLines(
        board: GovernanceBoard, units codes: [Int64: ReportingUnit], scope: AccessScope, language: Language,
        _ database: PeakZeroDatabase
    ) async throws -> [SupervisorReport.TargetLine] {
        var targets: [SupervisorReport.TargetLine] = []
        for stored in try await TargetStore(database).list(scope: scope) {
            guard let subjectID = stored.subject.unitID, let subject = codes[subjectID] else { continue }
            let progress = try await board.progress(of: stored)
            targets.append(
                .init(
                    name: stored.name, subject: "\(subject.code) \(subject.name)",
                    indicator: stored.target.indicator.rawValue,
                    indicatorName: stored.target.indicator.name(in: language), unit: stored.target.indicator.symbol,
                    year: progress.year, limit: progress.limit?.value, toDate: progress.toDate?.value,
                    forecast: progress.forecast?.value, ratio: progress.ratio, light: progress.light.rawValue))
        }
        return targets
    }
}
