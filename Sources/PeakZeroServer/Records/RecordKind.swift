import Accounting
import Persistence

/// The two kinds of record the data pages add and correct one by one, and the fields of each.
enum RecordKind: String, Sendable, CaseIterable {
    case activity, economic

    struct FieldSpec: Sendable {
        let name: String
        let required: Bool
        let numeric: Bool
        /// Choices (value, label) for a select.
        let options: (@Sendable (Language) -> [(String, String)])?

        init(
            _ name: String, required: Bool = false, numeric: Bool = false,
            options: (@Sendable (Language) -> [(String, String)])? = nil
        ) {
            self.name = name
            self.required = required
            self.numeric = numeric
            self.options = options
        }
    }

    var fields: [FieldSpec] {
        switch self {
        case .activity:
            [
                FieldSpec("unit", required: true), FieldSpec("period", required: true),
                FieldSpec("item", required: true) { language in
                    ItemCatalog.bundled.items.map { ($0.code, $0.name(in: language)) }
                },
                FieldSpec("quantity", required: true, numeric: true), FieldSpec("uom", required: true),
                FieldSpec("category") { language in
                    ActivityCategory.allCases.map { ($0.rawValue, $0.name(in: language)) }
                },
                FieldSpec("ncv", numeric: true), FieldSpec("carbon_content", numeric: true),
                FieldSpec("oxidation_rate", numeric: true), FieldSpec("source"),
            ]
        case .economic:
            [
                FieldSpec("unit", required: true), FieldSpec("period", required: true),
                FieldSpec("output_value", numeric: true), FieldSpec("value_added", numeric: true),
                FieldSpec("revenue", numeric: true), FieldSpec("price_index", numeric: true),
                FieldSpec("base_year", numeric: true),
            ]
        }
    }

    /// The fields of a stored activity record, as the form shows them.
    static func values(of record: StoredActivityRecord, unitCode: String) -> [String: String] {
        var values = [
            "unit": unitCode, "period": record.period, "item": record.item,
            "quantity": WebNumbers.plain(record.quantity), "uom": record.uom, "category": record.category,
        ]
        values["ncv"] = record.ncv.map(WebNumbers.plain)
        values["carbon_content"] = record.carbonContent.map(WebNumbers.plain)
        values["oxidation_rate"] = record.oxidationRate.map(WebNumbers.plain)
        values["source"] = record.source
        return values
    }

    static func values(of record: StoredEconomicRecord, unitCode: String) -> [String: String] {
        var values = [
            "unit": unitCode, "period": Period(year: record.year, month: record.month)?.description ?? "",
            "price_index": WebNumbers.plain(record.priceIndex), "base_year": String(record.baseYear),
        ]
        values["output_value"] = record.outputValue.map(WebNumbers.plain)
        values["value_added"] = record.valueAdded.map(WebNumbers.plain)
        values["revenue"] = record.revenue.map(WebNumbers.plain)
        return values
    }
}
