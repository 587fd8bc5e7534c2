/// An M&V record may measure its saving by the product method of GB/T 13234 (each product's energy
/// per unit, baseline and reporting period, and the reporting output); the figures are kept with
/// the record as JSON, empty for a record given by carrier.
enum Migration0028ProductMethodVerifications {
    static let migration = Migration(version: 28, name: "ProductMethodVerifications") { _ in
        ["ALTER TABLE project_verifications ADD COLUMN product_unit TEXT NOT NULL DEFAULT ''"]
    }
}
