import Assets

/// A calendar day is written as `YYYY-MM-DD`, which the probe's placeholder text is not.
extension CalendarDay: DescribedBodyValue {
    static var schema: [String: Any] { ["type": "string", "format": "date"] }
    static var schemaExample: CalendarDay { CalendarDay(parsing: "2025-12-31")! }
}
