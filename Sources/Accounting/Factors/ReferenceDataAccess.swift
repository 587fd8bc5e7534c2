import ReferenceData

/// The one place Accounting reads the bundled tables.
enum ReferenceDataAccess {
    static var factorsCSV: String { ReferenceData.factorsCSV }
    static var edition: String { ReferenceData.edition }
}
