import Accounting
import Governance
import SQLKit

/// What a ranking orders units by.
public enum RankingMeasure: String, Sendable, Codable, CaseIterable {
    /// The indicator's value in the year.
    case value
    /// Its change on the year before ((this − last) ÷ last): a larger fall ranks higher.
    case yearOnYear = "yoy"
    /// Forecast ÷ limit of the unit's target on the indicator in force that year.
    case progress
}

/// One unit in a ranking.
public struct RankingRow: Sendable {
    public let unit: ReportingUnit
    public let value: Double?
    public let rank: Int?
    public let previousRank: Int?
    public let change: Int?
    /// Its industry division (`C38`) and its rank among the units of that division.
    public let peerGroup: String?
    public let peerRank: Int?
}

extension GovernanceBoard {
    /// The units a ranking compares: a unit's children, or the enterprises registered in a region;
    /// either narrowed to the scope.
    public func rankingUnits(under subject: TargetSubject, scope: AccessScope) async throws -> [ReportingUnit] {
        let store = UnitStore(database)
        switch subject {
        case .unit(let id):
            var visible: [ReportingUnit] = []
            for child in try await store.children(of: id) where try await scope.contains(unitID: child.id, in: database)
            {
                visible.append(child)
            }
            return visible
        case .region(let region):
            return try await store.list(region: region, scope: scope).filter { $0.level == .enterprise }
        }
    }

    /// Ranks the units by the measure of the indicator in `year`, with each unit's rank the year
    /// before and its rank within its industry division; less is better throughout.
    public func ranking(
        _ units: [ReportingUnit], indicator: TargetIndicator, year: Int, by measure: RankingMeasure,
        basis: TargetBasis = TargetBasis()
    ) async throws -> [RankingRow] {
        var now: [Int64: Double?] = [:]
        var before: [Int64: Double?] = [:]
        for unit in units {
            now[unit.id] = try await value(of: unit, indicator, year, measure, basis)
            before[unit.id] = try await value(of: unit, indicator, year - 1, measure, basis)
        }
        let ranked = Ranking.rank(now, previous: before, order: .lowerIsBetter)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        var peerRanks: [Int64: Int] = [:]
        let groups = Dictionary(grouping: units) { Ranking.peerGroup(ofIndustry: $0.industryCode) ?? "" }
        for (group, members) in groups where !group.isEmpty {
            let values = Dictionary(uniqueKeysWithValues: members.map { ($0.id, now[$0.id] ?? nil) })
            peerRanks.merge(Ranking.ranks(values, order: .lowerIsBetter)) { a, _ in a }
        }
        return ranked.compactMap { entry in
            guard let unit = byID[entry.key] else { return nil }
            return RankingRow(
                unit: unit, value: entry.value, rank: entry.rank, previousRank: entry.previousRank,
                change: entry.change, peerGroup: Ranking.peerGroup(ofIndustry: unit.industryCode),
                peerRank: peerRanks[unit.id])
        }
    }

    func value(
        of unit: ReportingUnit, _ indicator: TargetIndicator, _ year: Int, _ measure: RankingMeasure,
        _ basis: TargetBasis
    ) async throws -> Double? {
        let subject = RollupSubject.unit(id: unit.id, approach: .control)
        func amount(_ year: Int) async throws -> Double? {
            guard let figures = try await figures.years(of: subject, year...year)[year] else { return nil }
            return figures.year.amount(indicator, basis)?.value
        }
        switch measure {
        case .value: return try await amount(year)
        case .yearOnYear: return yearOnYear(try await amount(year), try await amount(year - 1))
        case .progress:
            let targets = try await TargetStore(database).list(scope: .everything, subject: .unit(unit.id), year: year)
            guard let target = targets.first(where: { $0.target.indicator == indicator }) else { return nil }
            // Judged as of that year, so last year's rank reads last year's progress.
            return try await GovernanceBoard(database, currentYear: year).progress(of: target).ratio
        }
    }

    // MARK: Carbon efficiency

    /// The industrial units (GB/T 4754 sections B mining, C manufacturing, D utilities) a grading compares.
    public static func isIndustrial(_ unit: ReportingUnit) -> Bool {
        guard let first = unit.industryCode?.uppercased().first else { return false }
        return ["B", "C", "D"].contains(first)
    }

    /// Grades the enterprises of a unit's subtree or a region (in the scope) for a year.
    public func grades(under subject: TargetSubject, year: Int, scope: AccessScope) async throws -> (
        units: [ReportingUnit], results: [CarbonEfficiency.Result], scale: CarbonEfficiencyScale
    ) {
        let store = UnitStore(database)
        let units: [ReportingUnit]
        switch subject {
        case .unit(let id): units = try await store.list(under: id, scope: scope)
        case .region(let region): units = try await store.list(region: region, scope: scope)
        }
        let enterprises = units.filter { $0.level == .enterprise && Self.isIndustrial($0) }
        return try await grade(enterprises, year: year)
    }

    func grade(_ units: [ReportingUnit], year: Int) async throws -> (
        units: [ReportingUnit], results: [CarbonEfficiency.Result], scale: CarbonEfficiencyScale
    ) {
        let efficiency = CarbonEfficiencyStore(database)
        let scale = try await efficiency.scale()
        var inputs: [CarbonEfficiency.Unit] = []
        for unit in units {
            let figures = try await figures.years(of: .unit(id: unit.id, approach: .control), year...year)[year]
            inputs.append(
                CarbonEfficiency.Unit(
                    id: unit.id, industryCode: unit.industryCode,
                    emissions: figures?.year.figures.emissions(.market) ?? .zero,
                    valueAdded: figures == nil ? nil : figures?.year.figures.valueAdded))
        }
        let results = CarbonEfficiency.grade(
            inputs, benchmarks: try await efficiency.benchmarks(year: year), scale: scale)
        return (units, results, scale)
    }

    /// A unit's grade year by year, against the enterprises of its top-level tree in its division
    /// (or the published average, where one is imported).
    public func gradeHistory(of unit: ReportingUnit, years: ClosedRange<Int>) async throws -> [(
        year: Int, result: CarbonEfficiency.Result
    )] {
        let anchor = try await UnitLookup.anchor(unit.id, in: database.sql)
        let division = Ranking.peerGroup(ofIndustry: unit.industryCode)
        // The grade compares the unit with every peer of its tree, seen by the asker or not; only the
        // unit's own grade is shown.
        let peers = try await UnitStore(database).list(under: anchor.rootID, scope: .everything).filter {
            $0.level == .enterprise && Ranking.peerGroup(ofIndustry: $0.industryCode) == division
        }
        var history: [(Int, CarbonEfficiency.Result)] = []
        for year in years {
            let graded = try await grade(peers.contains { $0.id == unit.id } ? peers : peers + [unit], year: year)
            if let result = graded.results.first(where: { $0.id == unit.id }), result.intensity != nil {
                history.append((year, result))
            }
        }
        return history
    }
}
