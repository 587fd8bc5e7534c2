/// A region's carbon-peak plan (达峰路线图) as its planners keep it — the plan's JSON document, with
/// a revision that each save raises so two planners cannot overwrite each other unseen, and the
/// peaks of its scenarios as last run (for the lists of many plans, renewed when its statistics
/// change) — and the
/// new-project reviews (节能审查) judged against it, each kept with the figures it was judged on.
enum Migration0014CreatePathwayPlans {
    static let migration = Migration(version: 14, name: "CreatePathwayPlans") { d in
        [
            """
            CREATE TABLE pathway_plans (
                id \(d.neverReusedPrimaryKey),
                region_code TEXT NOT NULL,
                document TEXT NOT NULL,
                summary TEXT NOT NULL,
                revision INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX pathway_plans_region ON pathway_plans (region_code)",
            """
            CREATE TABLE project_reviews (
                id \(d.neverReusedPrimaryKey),
                region_code TEXT NOT NULL,
                plan_revision INTEGER NOT NULL,
                scenario_id TEXT NOT NULL,
                project_name TEXT NOT NULL,
                project TEXT NOT NULL,
                judgements TEXT NOT NULL,
                effects TEXT NOT NULL,
                verdict TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX project_reviews_region ON project_reviews (region_code, id)",
        ]
    }
}
