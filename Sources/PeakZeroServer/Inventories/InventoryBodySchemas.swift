import Accounting

/// A lineage note is written as an object with one key, the note's kind, holding its details
/// (`{"latest_earlier_year": {"requested": 2025, "used": 2023}}`), which a probe cannot walk.
extension LineageNote: DescribedBodyValue {
    static var schema: [String: Any] {
        [
            "type": "object", "minProperties": 1, "maxProperties": 1,
            "description": "one key, the note's kind, holding its details",
        ]
    }
    static var schemaExample: LineageNote { .measured }
}
