import Hummingbird
import Pathways
import Persistence

extension PathwaysAPI {
    /// The pathways API routes: what each serves, what it is about and what it changes. A region's
    /// planners are the accounts whose scope covers it, a unit's those whose scope holds it; plans
    /// and reviews are changed by those who set targets (managers and administrators).
    static let endpoints: [APIEndpoint<PathwaysAPI>] = [
        APIEndpoint(
            .regionPathwayHistory, .get, "/api/v1/regions/{code}/pathway/history", subject: .regionInPath,
            change: .nothing,
            summary:
                "A region's imported statistics by year — GDP, population, energy and CO2 by area (CO2 from each carrier's factor of the year, with the factor ids), the intensities — and, with `from` and `to`, the LMDI decomposition of the change in CO2 (areas as sectors, value added as activity)",
            query: [
                ("from", "start year of the decomposition"), ("to", "end year of the decomposition"),
                ("form", "additive (default) or multiplicative"),
            ], tag: "pathways", response: .json(RegionalHistoryDocument.self)
        ) { $0.history },
        APIEndpoint(
            .regionRoadmap, .get, "/api/v1/regions/{code}/pathway", subject: .regionInPath, change: .nothing,
            summary:
                "The region's roadmap (达峰路线图) from its stored plan: each scenario year by year (GDP, energy at 当量值 and 等价值, coal, CO2, intensities, by area), its peak (`peaked`, `plateau_at_horizon` or `rising_at_horizon`), its standing against every target of the plan, and its LMDI effects against the baseline",
            tag: "pathways", response: .json(RoadmapDocument.self)
        ) { $0.roadmap },
        APIEndpoint(
            .getRegionPlan, .get, "/api/v1/regions/{code}/pathway/plan", subject: .regionInPath, change: .nothing,
            summary: "The region's stored plan (its JSON as saved), with its revision and who saved it when",
            tag: "pathways", response: .json(PlanDocument.self)
        ) { $0.plan },
        APIEndpoint(
            .putRegionPlan, .put, "/api/v1/regions/{code}/pathway/plan", subject: .regionInPath, change: .targets,
            summary:
                "Save the region's plan (docs/pathways.md): checked whole — every problem named by its field, nothing kept while there is one. With `revision`, refused (409) when another save came after that revision",
            query: [("revision", "the revision the plan was edited from")], tag: "pathways", body: .json(PlanFile.self, keys: .asWritten), response: .json(PlanDocument.self)
        ) { $0.savePlan },
        APIEndpoint(
            .listProjectReviews, .get, "/api/v1/regions/{code}/pathway/reviews", subject: .regionInPath,
            change: .nothing, summary: "The region's new-project reviews (节能审查), newest first", tag: "pathways", response: .json(ReviewList.self)
        ) { $0.reviews },
        APIEndpoint(
            .createProjectReview, .post, "/api/v1/regions/{code}/pathway/reviews", subject: .regionInPath,
            change: .targets,
            summary:
                "Review a new project against the region's plan: `project` (`name`, `area`, `industry`, `start_year`, `energy` by carrier in tce a year, `value_added` in 万元) placed on `scenario` (default the baseline); a verdict per target (fits, tightens, breaks) with the figures, kept and audited",
            success: .created, tag: "pathways", body: .json(ReviewRequest.self, keys: .asWritten), response: .json(StoredReview.self)
        ) { $0.createReview },
        APIEndpoint(
            .getProjectReview, .get, "/api/v1/regions/{code}/pathway/reviews/{review}", subject: .regionInPath,
            change: .nothing, summary: "A kept new-project review", tag: "pathways", response: .json(StoredReview.self)
        ) { $0.review },
        APIEndpoint(
            .unitPathwayHistory, .get, "/api/v1/units/{id}/pathway/history", subject: .unitInPath, change: .nothing,
            summary:
                "A unit's years from its stored inventories — energy, CO2 (scope 1 and location-based scope 2) and value added at constant prices — by child (`by=child`) or by the six areas its children's industry codes place them in (`by=area`); with `from` and `to`, the LMDI decomposition of the change in CO2 (children or areas as sectors)",
            query: [
                ("by", "child (default) or area"), ("from", "start year of the decomposition"),
                ("to", "end year of the decomposition"), ("form", "additive (default) or multiplicative"),
            ], tag: "pathways", response: .json(UnitHistoryDocument.self)
        ) { $0.unitHistory },
        APIEndpoint(
            .unitRoadmap, .get, "/api/v1/units/{id}/pathway", subject: .unitInPath, change: .nothing,
            summary:
                "The unit's roadmap (率先达峰) from its stored plan, as for a region: the plan's base year made from the unit's inventory (its units' energy by area — each by its industry code — and carrier, with the unit's own factors) and judged beside the unit's own targets",
            tag: "pathways", response: .json(RoadmapDocument.self)
        ) { $0.roadmap },
        APIEndpoint(
            .getUnitPlan, .get, "/api/v1/units/{id}/pathway/plan", subject: .unitInPath, change: .nothing,
            summary: "The unit's stored plan (its JSON as saved), with its revision and who saved it when",
            tag: "pathways", response: .json(PlanDocument.self)
        ) { $0.plan },
        APIEndpoint(
            .putUnitPlan, .put, "/api/v1/units/{id}/pathway/plan", subject: .unitInPath, change: .targets,
            summary:
                "Save the unit's plan: checked whole as a region's; it names no region, and its `base_year` must have an inventory. With `revision`, refused (409) when another save came after that revision",
            query: [("revision", "the revision the plan was edited from")], tag: "pathways", body: .json(PlanFile.self, keys: .asWritten), response: .json(PlanDocument.self)
        ) { $0.savePlan },
        APIEndpoint(
            .listUnitProjectReviews, .get, "/api/v1/units/{id}/pathway/reviews", subject: .unitInPath,
            change: .nothing, summary: "The unit's new-project reviews, newest first", tag: "pathways", response: .json(ReviewList.self)
        ) { $0.reviews },
        APIEndpoint(
            .createUnitProjectReview, .post, "/api/v1/units/{id}/pathway/reviews", subject: .unitInPath,
            change: .targets,
            summary: "Review a new project against the unit's plan, as for a region; kept and audited",
            success: .created, tag: "pathways", body: .json(ReviewRequest.self, keys: .asWritten), response: .json(StoredReview.self)
        ) { $0.createReview },
        APIEndpoint(
            .getUnitProjectReview, .get, "/api/v1/units/{id}/pathway/reviews/{review}", subject: .unitInPath,
            change: .nothing, summary: "A kept new-project review of the unit", tag: "pathways", response: .json(StoredReview.self)
        ) { $0.review },
    ]
}

extension PageHandlers {
    /// The pathways pages: a region's or unit's roadmap, its plan's editor and its project reviews.
    /// Those who set targets there change the plan and review projects; others in scope read.
    static let pathwaysPages: [PageEndpoint] = [
        PageEndpoint(.roadmap, .get, "/regions/{code}/pathway", subject: .regionInPath, change: .nothing) {
            $0.roadmapPage
        },
        PageEndpoint(.roadmapExport, .get, "/regions/{code}/pathway/export", subject: .regionInPath, change: .nothing) {
            $0.roadmapExport
        },
        PageEndpoint(.planEditor, .get, "/regions/{code}/pathway/plan", subject: .regionInPath, change: .nothing) {
            $0.planEditorPage
        },
        PageEndpoint(.planSave, .post, "/regions/{code}/pathway/plan", subject: .regionInPath, change: .targets) {
            $0.savePlanForm
        },
        PageEndpoint(.planDriver, .post, "/regions/{code}/pathway/plan/driver", subject: .regionInPath, change: .targets) {
            $0.setPlanDriver
        },
        PageEndpoint(.projectReviews, .get, "/regions/{code}/pathway/reviews", subject: .regionInPath, change: .nothing) {
            $0.projectReviewsPage
        },
        PageEndpoint(
            .projectReviewCreate, .post, "/regions/{code}/pathway/reviews", subject: .regionInPath, change: .targets
        ) { $0.createProjectReviewForm },
        PageEndpoint(
            .projectReview, .get, "/regions/{code}/pathway/reviews/{review}", subject: .regionInPath, change: .nothing
        ) { $0.projectReviewPage },
        PageEndpoint(.unitRoadmap, .get, "/units/{id}/pathway", subject: .unitInPath, change: .nothing) {
            $0.roadmapPage
        },
        PageEndpoint(.unitRoadmapExport, .get, "/units/{id}/pathway/export", subject: .unitInPath, change: .nothing) {
            $0.roadmapExport
        },
        PageEndpoint(.unitPlanEditor, .get, "/units/{id}/pathway/plan", subject: .unitInPath, change: .nothing) {
            $0.planEditorPage
        },
        PageEndpoint(.unitPlanSave, .post, "/units/{id}/pathway/plan", subject: .unitInPath, change: .targets) {
            $0.savePlanForm
        },
        PageEndpoint(.unitPlanDriver, .post, "/units/{id}/pathway/plan/driver", subject: .unitInPath, change: .targets) {
            $0.setPlanDriver
        },
        PageEndpoint(.unitProjectReviews, .get, "/units/{id}/pathway/reviews", subject: .unitInPath, change: .nothing) {
            $0.projectReviewsPage
        },
        PageEndpoint(
            .unitProjectReviewCreate, .post, "/units/{id}/pathway/reviews", subject: .unitInPath, change: .targets
        ) { $0.createProjectReviewForm },
        PageEndpoint(
            .unitProjectReview, .get, "/units/{id}/pathway/reviews/{review}", subject: .unitInPath, change: .nothing
        ) { $0.projectReviewPage },
    ]
}
