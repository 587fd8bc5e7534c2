import Governance
import Hummingbird

extension TargetsAPI {
    /// The targets API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<TargetsAPI>] = [
        // Targets are set, split and deleted in the scope of target-setting grants, which the handler checks.
        APIEndpoint(
            .listTargets, .get, "/api/v1/targets", subject: .narrowedByHandler, change: .nothing,
            summary:
                "Targets (目标) whose unit or region the account sees, each with its progress: value to date, expected by now, forecast, limit and traffic light",
            query: [
                ("unit_id", "only this unit's targets"), ("region", "only this region's targets"),
                ("year", "only targets in force this year"),
            ], tag: "targets", response: .page(TargetsAPI.TargetBody.self)
        ) { $0.list },
        APIEndpoint(
            .createTarget, .post, "/api/v1/targets", subject: .narrowedByHandler, change: .targets,
            summary:
                "Set a target (managers within their subtrees and regions): `unit_id` or `region_code`, `name`, `indicator` (energy_total, carbon_total, energy_intensity, carbon_intensity, coal_total — 煤炭消费总量, the energy at 当量值 of coal and its products), `kind` (cap with `value`; reduction with `reduction` and `base_year`; peak with `peak_year`), `first_year`, `last_year`, `milestones`, `economic_base`, `scope2`, `energy_basis`, `deduct_green_power`, `deductions`, `yellow_from`, `red_above`, `expectation` (pro_rata or seasonal)",
            success: .created, tag: "targets", body: .json(TargetsAPI.Subject.self, TargetDefinition.self), response: .json(TargetsAPI.TargetBody.self)
        ) { $0.create },
        APIEndpoint(
            .getTarget, .get, "/api/v1/targets/{id}", subject: .targetInPath, change: .nothing,
            summary: "A target with its progress, the targets split from it and whether they add up (the gap when not)",
            tag: "targets", response: .json(TargetsAPI.DetailBody.self)
        ) { $0.get },
        APIEndpoint(
            .deleteTarget, .delete, "/api/v1/targets/{id}", subject: .narrowedByHandler, change: .targets,
            summary: "Delete a target and the targets split from it", success: .noContent, tag: "targets"
        ) { $0.delete },
        APIEndpoint(
            .splitTarget, .post, "/api/v1/targets/{id}/split", subject: .narrowedByHandler, change: .targets,
            summary:
                "Split a target (指标分解) among its unit's children or its region's cities or counties (or, with `among` groups, the groups registered in the region): `method` base_share, equal_reduction or manual (with `children`: each a `unit_id` or `region_code` and its own target fields); replaces an earlier split",
            tag: "targets", body: .json(TargetsAPI.SplitBody.self), response: .json(TargetsAPI.DetailBody.self)
        ) { $0.split },
        // Set, split and deleted in the scope of target-setting grants; lists narrowed to the scope.
        APIEndpoint(
            .listWarnings, .get, "/api/v1/warnings", subject: .narrowedByHandler, change: .nothing,
            summary:
                "Warnings (预警) in the account's scope, newest first: red and yellow targets with their reasons, and overdue measures",
            tag: "targets", response: .page(TargetsAPI.WarningBody.self)
        ) { $0.warnings },
    ]
}

extension PageHandlers {
    /// The targets pages: what each serves, what it is about and what it changes.
    static let targetsPages: [PageEndpoint] = [
        PageEndpoint(.targets, .get, "/targets", subject: .narrowedByHandler, change: .nothing) { $0.targetsPage },
        PageEndpoint(.targetCreate, .post, "/targets", subject: .narrowedByHandler, change: .targets) {
            $0.createTarget
        },
        PageEndpoint(.target, .get, "/targets/{id}", subject: .targetInPath, change: .nothing) { $0.targetPage },
        PageEndpoint(.targetSplit, .post, "/targets/{id}/split", subject: .narrowedByHandler, change: .targets) {
            $0.splitTarget
        },
        PageEndpoint(.targetDelete, .post, "/targets/{id}/delete", subject: .narrowedByHandler, change: .targets) {
            $0.deleteTarget
        },
        PageEndpoint(.warnings, .get, "/warnings", subject: .narrowedByHandler, change: .nothing) { $0.warningsPage },
    ]
}
