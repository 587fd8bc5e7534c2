/// A reduction project may carry out a measure of its unit's (or an ancestor's) measure list.
enum Migration0018ProjectMeasures {
    static let migration = Migration(version: 18, name: "ProjectMeasures") { d in
        ["ALTER TABLE reduction_projects ADD COLUMN measure_id \(d.bigint)"]
    }
}
