import Accounting
import Foundation
import Governance
import SQLKit

/// The supervision views, each read from the stores and judged by the Governance rules: a target's
/// progress, a split and its check, the warnings of a scope, rankings and carbon-efficiency grades.
public struct GovernanceBoard: Sendable {
    let database: PeakZeroDatabase
    let figures: GovernanceFigures
    /// This year: data of later years are not read.
    public let currentYear: Int

    public init(_ database: PeakZeroDatabase, currentYear: Int) {
        self.database = database
        figures = GovernanceFigures(database)
        self.currentYear = currentYear
    }

    /// The latest year an inventory covers (up to this year): what a page shows unless asked otherwise.
    public func latestComputedYear() async throws -> Int? {
        try await figures.computedYears().filter { $0 <= currentYear }.max()
    }

    public func progress(of stored: StoredTarget) async throws -> TargetProgress {
        ProgressEvaluator.evaluate(stored.target, figures: try await figures.figures(for: stored, through: currentYear))
    }

    /// The yearly series (actual, limit) a trajectory chart draws: whole years and this year's forecast.
    public func trajectory(of stored: StoredTarget) async throws -> [(year: Int, actual: Double?, limit: Double?)] {
        let target = stored.target
        let years = try await figures.figures(for: stored, through: currentYear)
        let start = ProgressEvaluator.yearAmount(target, years[target.pathStartYear], year: target.pathStartYear)
        let from = min(target.pathStartYear, target.firstYear)
        return (from...target.lastYear).map { year in
            (
                year, ProgressEvaluator.forecast(target, in: year, figures: years)?.value,
                target.limit(in: year, startValue: start)?.value
            )
        }
    }

    // MARK: Decomposition

    /// The subjects a target splits among: a unit's children, or a region's cities (of a province)
    /// or counties (of a city) where units are registered — or, for a region split `among` its
    /// groups, the groups registered there (the ownership tree's share of the territory's target).
    public func childSubjects(of subject: TargetSubject, among: SplitAmong = .children) async throws
        -> [TargetSubject]
    {
        if case .region(let region) = subject, among == .groups {
            // Every group there: a split must add up over the whole territory, whoever asks.
            return try await UnitStore(database).list(region: region, scope: .everything).filter { $0.level == .group }.map { .unit($0.id) }
        }
        switch subject {
        case .unit(let id):
            return try await UnitStore(database).children(of: id).map { .unit($0.id) }
        case .region(let region):
            guard region.prefix.count < 6 else { return [] }
            let length = region.prefix.count + 2
            let codes = try await database.sql.select().column(SQLDistinct(SQLColumn("region_code"))).from("units")
                .where("region_code", .like, SQLBind(region.prefix + "%")).all()
                .map { try $0.decode(column: "region_code", as: String.self) }
            let children = Set(codes.map { String($0.prefix(length)) }.filter { !$0.hasSuffix("00") })
            return children.sorted().compactMap(RegionPrefix.init).map { .region($0) }
        }
    }

    /// A subject's figures in a target's base year, as a split sees them.
    func splitChild(_ subject: TargetSubject, id: Int64, _ target: Target, manual: TargetKind? = nil) async throws
        -> SplitChild
    {
        let year = target.pathStartYear
        guard
            let figures = try await figures.years(
                of: subject.rollupSubject, year...year, coal: target.indicator == .coalTotal)[year], figures.isComplete
        else { return SplitChild(id: id, baseTotal: nil, manual: manual) }
        return SplitChild(
            id: id,
            baseTotal: ProgressEvaluator.yearAmount(
                Self.totalTarget(target), figures, year: year),
            baseEconomic: figures.year.base(target.basis), manual: manual)
    }

    /// A target on the total behind the indicator, same basis: to read a base-year total.
    static func totalTarget(_ target: Target) -> Target {
        var total = target
        total.indicator = target.indicator.total
        total.kind = .cap(IndicatorAmount(1, of: total.indicator))
        return total
    }

    /// Splits a target among its subject's children and stores their targets; `manual` gives a
    /// child's own (by its position among `childSubjects`) for a split by hand.
    public func split(
        _ parentID: Int64, method: SplitMethod, among: SplitAmong = .children, manual: [TargetSubject: TargetKind] = [:]
    ) async throws -> [StoredTarget] {
        let parent = try await TargetStore(database).target(id: parentID)
        let subjects = try await childSubjects(of: parent.subject, among: among)
        var children: [SplitChild] = []
        for (index, subject) in subjects.enumerated() {
            children.append(try await splitChild(subject, id: Int64(index), parent.target, manual: manual[subject]))
        }
        let parentBase = try await splitChild(parent.subject, id: -1, parent.target)
        let targets: [Int64: Target]
        do {
            targets = try TargetSplit.split(parent.target, parentBase: parentBase, among: children, by: method)
        } catch {
            // The problem names a child by its position among the subjects; the refusal names it.
            var child: String?
            switch error {
            case .missingBase(let index), .missingManual(let index):
                if subjects.indices.contains(Int(index)) { child = try await name(of: subjects[Int(index)]) }
            case .methodDoesNotApply, .noChildren: break
            }
            throw SplitRefusal(problem: error, child: child)
        }
        var named: [(subject: TargetSubject, name: String, target: Target)] = []
        for (index, subject) in subjects.enumerated() {
            named.append((subject, "\(parent.name) · \(try await name(of: subject))", targets[Int64(index)]!))
        }
        return try await TargetStore(database).split(parentID, method: method, into: named)
    }

    /// A unit's name, or a region's code.
    func name(of subject: TargetSubject) async throws -> String {
        switch subject {
        case .unit(let id): try await UnitStore(database).unit(id: id).name
        // Stored with the target, in Chinese as the parent target's own name is written.
        case .region(let region): AdministrativeDivisions.bundled.name(of: region.code, .zh)
        }
    }

    /// Whether the stored children's targets add up to their parent's.
    public func check(_ parent: StoredTarget) async throws -> SplitCheck? {
        let children = try await TargetStore(database).children(of: parent.id)
        guard !children.isEmpty else { return nil }
        var pairs: [(child: SplitChild, target: Target)] = []
        for child in children {
            pairs.append((try await splitChild(child.subject, id: child.id, parent.target), child.target))
        }
        let parentBase = try await splitChild(parent.subject, id: parent.id, parent.target)
        let start = parentBase.baseValue(parent.target.indicator).map {
            IndicatorAmount($0, of: parent.target.indicator)
        }
        return SplitCheck.check(parent.target, parentStart: start, children: pairs)
    }

    // MARK: Warnings

    public struct Warning: Sendable {
        public let target: StoredTarget?
        public let measure: StoredMeasure?
        public let light: TrafficLight
        public let progress: TargetProgress?
        /// The year it concerns (the judged year, or the deadline's).
        public let year: Int
        /// When it arose: the target's judged year and month, or the day after the deadline.
        public let since: String
    }

    /// Every red or yellow target in the scope (each judged in its latest year with figures) and every overdue
    /// item of its units' lists, newest first, red before yellow.
    public func warnings(scope: AccessScope, today: String) async throws -> [Warning] {
        var found: [Warning] = []
        for stored in try await TargetStore(database).list(scope: scope) {
            let progress = try await progress(of: stored)
            guard progress.light == .red || progress.light == .yellow else { continue }
            found.append(
                Warning(
                    target: stored, measure: nil, light: progress.light, progress: progress, year: progress.year,
                    since: String(format: "%04d-%02d", progress.year, max(progress.throughMonth, 1))))
        }
        for measure in try await overdueMeasures(scope: scope, today: today) {
            found.append(
                Warning(
                    target: nil, measure: measure, light: .red, progress: nil,
                    year: Int(measure.deadline.prefix(4)) ?? 0,
                    since: String(measure.deadline.prefix(7))))
        }
        return found.sorted { a, b in a.since != b.since ? a.since > b.since : a.light < b.light }
    }

    func overdueMeasures(scope: AccessScope, today: String) async throws -> [StoredMeasure] {
        let rows = try await database.sql.select().column(SQLRaw(MeasureStore.columns)).from("measures")
            .where("status", .notEqual, SQLBind(MeasureStatus.done.rawValue))
            .where("deadline", .lessThan, SQLBind(today)).orderBy("deadline", .descending)
            .all(decoding: MeasureStore.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        var visible: [StoredMeasure] = []
        for row in rows where try await scope.contains(unitID: row.unitId, in: database) { visible.append(row.stored) }
        return visible
    }
}

/// Whom a region's target is split among: its cities or counties, or the groups registered there.
public enum SplitAmong: String, Sendable, Codable, CaseIterable {
    case children, groups
}

/// A split refused, naming the child it could not place.
public struct SplitRefusal: Error, Sendable {
    public let problem: SplitProblem
    /// The child's name (a unit's) or code (a region's), when the problem is about one child.
    public let child: String?

    public func message(_ language: Language) -> String { problem.message(language) { _ in child ?? "?" } }
}
