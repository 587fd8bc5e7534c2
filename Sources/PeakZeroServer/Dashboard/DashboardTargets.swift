import Accounting
import Governance
import Persistence

/// What the first screen says about targets: on each indicator card the target that applies with
/// its light, and below the cards the cities or units that are lagging and the lists overdue.
struct CardTarget: Sendable {
    let name: String
    let url: String
    /// "上限 ≤ 953,369.5 tCO2e" or "下降 8.0%（按增加值）≤ 2.449".
    let limit: String
    /// Share of the limit used against share of the year gone (完成进度 vs 时序进度) for a total;
    /// the forecast as a share of the limit for an intensity.
    let progress: String
    let light: String
    let lightLabel: String
}

extension PageHandlers {
    /// The target of each of the four indicators for the subject: the one whose years hold `year`,
    /// else the latest; judged as the targets page judges it.
    func cardTargets(
        _ subject: TargetSubject, year: Int, scope: AccessScope, _ language: Language
    ) async throws -> [TargetIndicator: CardTarget] {
        let t = renderer.strings.table(language)
        let stored = try await TargetStore(database).list(scope: scope, subject: subject)
        var found: [TargetIndicator: CardTarget] = [:]
        for indicator in TargetIndicator.ranked {
            let candidates = stored.filter { $0.target.indicator == indicator }
            guard
                let chosen = candidates.first(where: { $0.target.years.contains(year) })
                    ?? candidates.max(by: { $0.target.lastYear < $1.target.lastYear })
            else { continue }
            let progress = try await governance.progress(of: chosen)
            let light = progress.light.rawValue
            found[indicator] = CardTarget(
                name: chosen.name, url: SiteURL.target(id: chosen.id).link(language),
                limit: limitText(chosen.target, progress, t), progress: progressText(indicator, progress, t, language),
                light: light, lightLabel: t.text(forKey: "light_\(light)"))
        }
        return found
    }

    private func limitText(_ target: Target, _ progress: TargetProgress, _ t: Words) -> String {
        var text = "\(progress.year) · \(kindText(target, t))"
        if target.indicator.isIntensity {
            // The cards' intensities are per output value; a target's base is said beside it.
            text += t.text(forKey: "card_basis_\(target.basis.economicBase.rawValue)")
            if let limit = progress.limit { text += " ≤ \(Self.figure(limit))" }
        }
        return text
    }

    private func progressText(
        _ indicator: TargetIndicator, _ progress: TargetProgress, _ t: Words, _ language: Language
    ) -> String {
        func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
        if !indicator.isIntensity, let used = progress.toDate?.value, let limit = progress.limit?.value, limit > 0 {
            let elapsed = Double(min(max(progress.throughMonth, 0), 12)) / 12
            return t[.cardProgress].replacingOccurrences(of: "{used}", with: percent(used / limit))
                .replacingOccurrences(of: "{elapsed}", with: percent(elapsed))
        }
        if let ratio = progress.ratio { return t[.cardForecastRatio].replacingOccurrences(of: "{ratio}", with: percent(ratio)) }
        return progress.reasons.first?.message(language) ?? "—"
    }

    /// The red and yellow targets of the cities or units below the subject, and the overdue items of
    /// their lists — the warnings page's rows for this part of the tree.
    /// - Parameter warnings: every warning of the account's scope, judged once for the page.
    func lagging(
        under subject: TargetSubject, among warnings: [GovernanceBoard.Warning], _ language: Language
    ) async throws -> [WarningsPage.Row] {
        let isBelow: (TargetSubject) -> Bool
        var unitsBelow: Set<Int64> = []
        switch subject {
        case .unit(let id):
            unitsBelow = Set(try await units.list(under: id, scope: .everything).map(\.id)).subtracting([id])
            isBelow = { if case .unit(let other) = $0 { unitsBelow.contains(other) } else { false } }
        case .region(let region):
            isBelow = { if case .region(let other) = $0 { other != region && region.contains(other.code) } else { false } }
        }
        let below = warnings.filter { warning in
            if let target = warning.target { return isBelow(target.subject) }
            if let measure = warning.measure { return unitsBelow.contains(measure.unitId) }
            return false
        }
        return try await warningRows(below, language)
    }
}
