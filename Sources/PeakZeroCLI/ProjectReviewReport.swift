import Accounting
import Foundation
import Pathways

/// A project review as a table (one line per target: without, with, the limit, the verdict) or JSON.
struct ProjectReviewReport {
    let review: ProjectReview
    let language: Language

    func number(_ value: Double?, _ indicator: PlanTarget.Indicator) -> String {
        guard let value else { return "—" }
        switch indicator {
        case .energyIntensity, .carbonIntensity: return NumberText.grouped(value, decimals: 4)
        case .peakBy: return String(Int(value))
        default: return NumberText.grouped(value, decimals: 0)
        }
    }

    func table() -> String {
        var table = TextTable(header: language.columns(.reviewHeader))
        table.rightAligned = [2, 3, 4]
        for judgement in review.judgements {
            let indicator = judgement.target.indicator
            table.rows.append([
                judgement.target.id, "\(indicator.name(language)) \(judgement.target.year)",
                number(judgement.without, indicator), number(judgement.with, indicator), number(judgement.limit, indicator),
                judgement.verdict.name(language),
            ])
        }
        let heading = language.word(
            .reviewHeading, ["project": review.project.name, "scenario": review.scenario, "start": "\(review.project.startYear)"])
        return heading + "\n" + table.render()
    }

    func json() -> String {
        let judgements: [[String: Any]] = review.judgements.map { j in
            var entry: [String: Any] = [
                "target": j.target.id, "indicator": j.target.indicator.rawValue, "year": j.target.year,
                "verdict": j.verdict.rawValue, "limit": j.limit,
            ]
            entry["without"] = j.without
            entry["with"] = j.with
            return entry
        }
        let document: [String: Any] = [
            "project": review.project.name, "scenario": review.scenario, "start_year": review.project.startYear,
            "judgements": judgements,
        ]
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
