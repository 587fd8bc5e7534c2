/// One cited factor: a value with its unit, what it applies to, and where it comes from.
/// A class, so that lookups and lineage share one copy of its many strings instead of copying them.
public final class FactorEntry: Sendable {
    public let id: String
    public let kind: FactorKind
    /// The item code it applies to (`diesel`, `electricity`, `ch4` …); empty when it applies to all.
    public let item: String
    /// `CN` for national, a grid region (`north` …), or a two-digit province code; empty when not regional.
    public let region: String
    /// The dataset variant: `NDRC-2015`, `NDRC-2013`, `GB/T 2589`, or the GWP set (`AR5` …).
    public let variant: String
    /// The data year the value describes, when it has one.
    public let year: Int?
    public let value: FactorValue
    /// The unit as the table wrote it (e.g. `tCO2/MWh`), shown in lineage.
    public let unitText: String
    public let grade: Grade
    public let source: String
    public let document: String
    public let published: String
    public let url: String
    public let notes: String
    /// The factor set it was loaded from (the bundled library's edition, or a user file's name).
    public let setName: String

    init(
        id: String, kind: FactorKind, item: String, region: String, variant: String, year: Int?,
        value: FactorValue, unitText: String, grade: Grade, source: String, document: String,
        published: String, url: String, notes: String, setName: String
    ) {
        self.id = id
        self.kind = kind
        self.item = item
        self.region = region
        self.variant = variant
        self.year = year
        self.value = value
        self.unitText = unitText
        self.grade = grade
        self.source = source
        self.document = document
        self.published = published
        self.url = url
        self.notes = notes
        self.setName = setName
    }
}
