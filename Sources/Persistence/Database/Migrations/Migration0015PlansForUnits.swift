/// Plans and new-project reviews for units as well as regions: a supervisor, group or enterprise
/// plans its own peak (率先达峰). Each row names its subject by kind (`region`, `unit`) and key (the
/// region's six-digit code, the unit's id); the rows kept so far are regions'.
enum Migration0015PlansForUnits {
    static let migration = Migration(version: 15, name: "PlansForUnits") { _ in
        [
            "ALTER TABLE pathway_plans ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'region'",
            "ALTER TABLE pathway_plans RENAME COLUMN region_code TO subject_key",
            "DROP INDEX pathway_plans_region",
            "CREATE UNIQUE INDEX pathway_plans_subject ON pathway_plans (subject_kind, subject_key)",
            "ALTER TABLE project_reviews ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'region'",
            "ALTER TABLE project_reviews RENAME COLUMN region_code TO subject_key",
            "DROP INDEX project_reviews_region",
            "CREATE INDEX project_reviews_subject ON project_reviews (subject_kind, subject_key, id)",
        ]
    }
}
