import Accounting
import Foundation
import Governance
import SQLKit

/// The carbon-efficiency scale in force (the bundled one until an administrator sets another)
/// and the published industry averages imported for a year. Changes are audited.
public struct CarbonEfficiencyStore: Sendable {
    let database: PeakZeroDatabase
    static let scaleKey = "carbon_efficiency_scale"

    public init(_ database: PeakZeroDatabase) { self.database = database }

    public func scale() async throws -> CarbonEfficiencyScale {
        guard
            let row = try await database.sql.select().column("value").from("settings")
                .where("key", .equal, SQLBind(Self.scaleKey)).first()
        else { return .bundled }
        return try JSONDecoder().decode(
            CarbonEfficiencyScale.self, from: Data(try row.decode(column: "value", as: String.self).utf8))
    }

    /// Sets the scale in force; nil goes back to the bundled one.
    public func setScale(_ scale: CarbonEfficiencyScale?) async throws {
        if let problem = scale?.problem() {
            throw StoreError.invalid([InputIssue(column: "scale", problem: .notOneOf(problem, allowed: []))])
        }
        let before = try await self.scale()
        try await database.transaction { db in
            try await db.delete(from: "settings").where("key", .equal, SQLBind(Self.scaleKey)).run()
            if let scale {
                let text = String(decoding: try JSONEncoder.sorted.encode(scale), as: UTF8.self)
                try await db.insert(into: "settings").columns("key", "value").values(
                    SQLBind(Self.scaleKey), SQLBind(text)
                ).run()
            }
            try await AuditLog.append(
                AuditChange(
                    .settingChanged, subjectKind: "setting", subjectID: Self.scaleKey,
                    before: AuditState(["scale": .text(Self.describe(before))]),
                    after: AuditState(["scale": .text(scale.map(Self.describe) ?? "bundled")])), in: db)
        }
    }

    static func describe(_ scale: CarbonEfficiencyScale) -> String {
        func bounds(_ bands: [CarbonEfficiencyScale.Band]) -> String {
            bands.map { $0.upperBound.map { String($0) } ?? "∞" }.joined(separator: "/")
        }
        return "levels \(bounds(scale.levels)); grades \(bounds(scale.grades))"
    }

    /// The published industry averages (division → tCO2e per 万元) for a year.
    public func benchmarks(year: Int) async throws -> [String: Double] {
        var found: [String: Double] = [:]
        for row in try await database.sql.select().columns("industry", "average_intensity").from("industry_benchmarks")
            .where("year", .equal, SQLBind(year)).all()
        {
            found[try row.decode(column: "industry", as: String.self)] = try row.decode(
                column: "average_intensity", as: Double.self)
        }
        return found
    }

    /// Replaces a year's published averages with these (division codes like `C38`), citing the source.
    public func replaceBenchmarks(year: Int, averages: [String: Double], source: String) async throws {
        var issues: [InputIssue] = []
        for (industry, value) in averages.sorted(by: { $0.key < $1.key }) {
            if Ranking.peerGroup(ofIndustry: industry) != industry.uppercased() || industry.count != 3 {
                issues.append(
                    InputIssue(column: "industry", problem: .notOneOf(industry, allowed: ["C38", "C30", "…"])))
            }
            if !(value > 0) || !value.isFinite {
                issues.append(InputIssue(column: "average_intensity", problem: .notPositive(String(value))))
            }
        }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.isEmpty { issues.append(InputIssue(column: "source", problem: .missingValue)) }
        guard issues.isEmpty else { throw StoreError.invalid(issues) }
        try await database.transaction { db in
            try await db.delete(from: "industry_benchmarks").where("year", .equal, SQLBind(year)).run()
            for (industry, value) in averages {
                try await db.insert(into: "industry_benchmarks").columns(
                    "industry", "year", "average_intensity", "source"
                ).values(SQLBind(industry.uppercased()), SQLBind(year), SQLBind(value), SQLBind(source)).run()
            }
            try await AuditLog.append(
                AuditChange(
                    .benchmarksImported, subjectKind: "industry_benchmarks", subjectID: String(year), year: year,
                    after: AuditState(["count": .int(Int64(averages.count)), "source": .text(source)])), in: db)
        }
    }
}
