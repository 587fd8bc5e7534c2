import Accounting
import Charts
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// Targets on the web: the list with the form that sets one, a target's page (progress, its
/// trajectory, its children with the check that they add up, a tile map of a region's cities, the
/// split), and the warnings of the account's scope.
extension PageHandlers {
    var governance: GovernanceBoard { GovernanceBoard(database, currentYear: clock.year) }

    func targetsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await targetsPage(request, context, form: [:], problems: [])
    }

    func targetsPage(
        _ request: Request, _ context: PeakZeroContext, form: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let query = request.uri.queryParameters
        var subject: TargetSubject?
        if let id = query.get("unit").flatMap({ Int64(String($0)) }) { subject = .unit(id) }
        if let region = query.get("region").flatMap({ RegionPrefix(String($0)) }) { subject = .region(region) }
        let targets = try await TargetStore(database).list(scope: context.readScope, subject: subject)
        let board = governance
        var rows: [TargetsPage.Row] = []
        for stored in targets {
            let progress = try await board.progress(of: stored)
            rows.append(
                TargetsPage.Row(
                    name: stored.name, subject: try await subjectName(stored.subject, language),
                    indicator: stored.target.indicator.name(in: language), kind: kindText(stored.target, t),
                    years: Self.years(stored.target), light: progress.light.rawValue,
                    lightLabel: t.text(forKey: "light_\(progress.light.rawValue)"),
                    forecast: progress.forecast.map { Self.figure($0) } ?? "—",
                    limit: progress.limit.map { Self.figure($0) } ?? "—",
                    url: SiteURL.target(id: stored.id).link(language)))
        }
        let warnings = try await board.warnings(scope: context.readScope, today: clock.today)
        let mayCreate = !RouteChange.setsTargets.isDisjoint(with: try context.signedIn.account.grants.map(\.role))
        let model = TargetsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.targetsTitle], current: .targets,
                sameIn: { _ in .targets(unit: nil, region: nil) }),
            heading: t[.targetsTitle], warningsCount: warnings.count,
            warningsURL: SiteURL.warnings.link(language), rows: rows, hasRows: !rows.isEmpty,
            form: mayCreate ? targetForm(form, problems, language) : nil)
        return renderer.response(model, template: "targets", status: status)
    }

    func targetForm(_ values: [String: String], _ problems: [String], _ language: Language) -> TargetForm {
        let t = renderer.strings.table(language)
        func options(_ values: [String], _ chosen: String?, _ label: (String) -> String) -> [RecordForm.Option] {
            values.map { RecordForm.Option(value: $0, label: label($0), selected: $0 == chosen) }
        }
        return TargetForm(
            action: SiteURL.createTarget.link(language), values: values,
            indicators: options(TargetIndicator.allCases.map(\.rawValue), values["indicator"] ?? "carbon_intensity") {
                TargetIndicator(rawValue: $0)!.name(in: language)
            },
            kinds: options(["cap", "reduction", "peak"], values["kind"] ?? "reduction") {
                t.text(forKey: "target_kind_\($0)", else: $0)
            },
            expectations: options(Expectation.allCases.map(\.rawValue), values["expectation"]) {
                t.text(forKey: "expectation_\($0)", else: $0)
            }, problems: problems, hasProblems: !problems.isEmpty)
    }

    func createTarget(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        var values: [String: String] = [:]
        for key in [
            "name", "unit", "region", "indicator", "kind", "value", "reduction", "base_year", "peak_year", "first_year",
            "last_year", "expectation", "deduct_green_power",
        ] {
            values[key] = form[key]
        }
        var definition = TargetDefinition()
        definition.indicator = form["indicator"]
        definition.kind = form["kind"]
        definition.value = Double(form["value"])
        // The form asks for a percentage; the definition holds a fraction.
        definition.reduction = Double(form["reduction"]).map { $0 / 100 }
        definition.baseYear = Int(form["base_year"])
        definition.peakYear = Int(form["peak_year"])
        definition.firstYear = Int(form["first_year"])
        definition.lastYear = Int(form["last_year"])
        definition.expectation = form["expectation"].isEmpty ? nil : form["expectation"]
        definition.deductGreenPower = form["deduct_green_power"] == "on"
        do {
            let target = try definition.target()
            var unitID: Int64?
            if !form["unit"].isEmpty {
                guard let unit = try? await units.unit(code: form["unit"]) else {
                    throw DefinitionProblem.unknown("unit", form["unit"])
                }
                unitID = unit.id
            }
            let subject = try await TargetsAPI.subject(
                unitID: unitID, region: form["region"].isEmpty ? nil : form["region"], request, context, database)
            let stored = try await TargetStore(database).create(name: form["name"], subject: subject, target: target)
            return Self.redirect(to: SiteURL.target(id: stored.id).link(language))
        } catch let problem as DefinitionProblem {
            return try await targetsPage(
                request, context, form: values, problems: [problem.message(language)], status: .unprocessableContent)
        } catch let error as APIError {
            return try await targetsPage(
                request, context, form: values, problems: [error.message], status: .unprocessableContent)
        } catch StoreError.invalid {
            return try await targetsPage(
                request, context, form: values, problems: [language.say(.nameRequired)],
                status: .unprocessableContent)
        }
    }

    func splitTarget(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let stored = try await settableTarget(context) else { return notFound(request) }
        guard let method = SplitMethod(rawValue: form["method"]) else {
            return try await targetPage(request, context, problem: "method", status: .unprocessableContent)
        }
        var manual: [TargetSubject: TargetKind] = [:]
        if method == .manual {
            switch try await manualKinds(stored, form, language) {
            case .success(let kinds): manual = kinds
            case .failure(let problem):
                let text = renderer.strings.table(language)[.splitManualBad]
                    .replacingOccurrences(of: "{child}", with: problem.child)
                    .replacingOccurrences(of: "{value}", with: problem.text)
                    + (problem.reason.map { " \($0)" } ?? "")
                return try await targetPage(request, context, problem: text, status: .unprocessableContent)
            }
        }
        do {
            _ = try await governance.split(
                stored.id, method: method,
                among: method == .manual ? .children : SplitAmong(rawValue: form["among"]) ?? .children, manual: manual)
        } catch let refusal as SplitRefusal {
            return try await targetPage(
                request, context, problem: refusal.message(language), status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.target(id: stored.id).link(language))
    }

    func deleteTarget(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        _ = try await FormPost.read(request)
        guard let stored = try await settableTarget(context) else { return notFound(request) }
        try await TargetStore(database).delete(id: stored.id)
        return Self.redirect(to: SiteURL.targets(unit: nil, region: nil).link(request.language))
    }

    /// The target `{id}` when the account sets targets for its subject.
    func settableTarget(_ context: PeakZeroContext) async throws -> StoredTarget? {
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let stored = try? await TargetStore(database).target(id: id)
        else { return nil }
        let scope = try await AccessScope.granted(
            RouteChange.setsTargets, to: try context.signedIn.account, in: database)
        return try await TargetStore(database).isVisible(stored, in: scope) ? stored : nil
    }

    func warningsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let rows = try await warningRows(
            try await governance.warnings(scope: context.readScope, today: clock.today), language)
        let model = WarningsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.warningsTitle], current: .warnings,
                sameIn: { _ in .warnings }), rows: rows, hasRows: !rows.isEmpty)
        return renderer.response(model, template: "warnings")
    }

    /// Warnings as the warnings page and the first screen list them.
    func warningRows(_ warnings: [GovernanceBoard.Warning], _ language: Language) async throws -> [WarningsPage.Row] {
        let t = renderer.strings.table(language)
        var rows: [WarningsPage.Row] = []
        for warning in warnings {
            let light = warning.light.rawValue
            if let target = warning.target {
                rows.append(
                    .init(
                        light: light, lightLabel: t.text(forKey: "light_\(light)"), since: warning.since,
                        kind: t[.warningTarget], title: target.name,
                        subject: try await subjectName(target.subject, language),
                        reasons: (warning.progress?.reasons ?? []).map { $0.message(language) }.joined(
                            separator: language.clauseSeparator), url: SiteURL.target(id: target.id).link(language)))
            } else if let measure = warning.measure {
                rows.append(
                    .init(
                        light: light, lightLabel: t.text(forKey: "light_\(light)"), since: warning.since,
                        kind: t[.warningMeasure], title: measure.title,
                        subject: try await subjectName(.unit(measure.unitId), language),
                        reasons: "\(t[.measureDeadline]) \(measure.deadline) · \(measure.ownerPerson)",
                        url: SiteURL.measures(unit: measure.unitId).link(language)))
            }
        }
        return rows
    }

    // MARK: Words

    func subjectName(_ subject: TargetSubject, _ language: Language) async throws -> String {
        switch subject {
        case .unit(let id): (try? await units.unit(id: id).name) ?? "#\(id)"
        case .region(let region): RegionNames.name(of: region, language)
        }
    }

    func kindText(_ target: Target, _ t: Words) -> String {
        switch target.kind {
        case .cap(let amount): "\(t[.targetKindCap]) ≤ \(Self.figure(amount)) \(Self.indicatorUnit(target.indicator, t))"
        case .reduction(let fraction, let base):
            "\(t[.targetKindReduction]) \(String(format: "%.1f%%", fraction * 100)) (\(t[.baseYear]) \(base))"
        case .peak(let year): "\(t[.targetKindPeak]) ≤ \(year)"
        }
    }

    static func years(_ target: Target) -> String {
        target.firstYear == target.lastYear ? String(target.firstYear) : "\(target.firstYear)–\(target.lastYear)"
    }

    /// An indicator's amount: totals grouped to whole units, intensities to four significant places.
    static func figure(_ amount: IndicatorAmount) -> String {
        amount.indicator.isIntensity
            ? WebNumbers.intensity(amount.value) : WebNumbers.grouped(amount.value, decimals: 1)
    }
}
