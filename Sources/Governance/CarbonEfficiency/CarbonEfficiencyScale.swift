import Accounting
import ReferenceData

/// The bands of the carbon-efficiency code (碳效码): levels by carbon intensity L and grades by
/// the carbon-efficiency value K. Each band has an upper bound (inclusive) except the last. The
/// defaults are the bundled table's (`carbon-efficiency.csv`, with its source); an installation
/// may set its own, since the provincial standard adjusts them — so neither the number of grades
/// nor their colours are fixed here.
public struct CarbonEfficiencyScale: Sendable, Equatable, Codable {
    public struct Band: Sendable, Equatable, Codable {
        /// Nil for the last band (everything above the previous bound).
        public var upperBound: Double?
        public var nameZh: String
        public var nameEn: String
        public var colour: String

        public init(upperBound: Double?, nameZh: String, nameEn: String, colour: String) {
            self.upperBound = upperBound
            self.nameZh = nameZh
            self.nameEn = nameEn
            self.colour = colour
        }

        public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
    }

    public var levels: [Band]
    public var grades: [Band]
    public var source: String

    public init(levels: [Band], grades: [Band], source: String) {
        self.levels = levels
        self.grades = grades
        self.source = source
    }

    /// The level (1 = low-carbon …) of an intensity L.
    public func level(of intensity: Double) -> Int { Self.band(intensity, in: levels) }

    /// The grade (1 = most efficient …) of a value K.
    public func grade(of k: Double) -> Int { Self.band(k, in: grades) }

    static func band(_ value: Double, in bands: [Band]) -> Int {
        for (index, band) in bands.enumerated() {
            guard let bound = band.upperBound else { return index + 1 }
            if value <= bound { return index + 1 }
        }
        return bands.count
    }

    /// Why a scale cannot be used: bounds must rise, only the last band is open, colours are #rrggbb.
    public func problem() -> String? {
        for (name, bands) in [("levels", levels), ("grades", grades)] {
            guard bands.count >= 2, bands.last?.upperBound == nil else {
                return "\(name): at least two bands, the last without an upper bound"
            }
            let bounds = bands.dropLast().map(\.upperBound)
            if bounds.contains(where: { $0 == nil || !($0! >= 0) || !$0!.isFinite }) {
                return "\(name): every band but the last needs a non-negative upper bound"
            }
            let values = bounds.compactMap { $0 }
            if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
                return "\(name): upper bounds must rise from band to band"
            }
            if bands.contains(where: { !Self.isColour($0.colour) }) { return "\(name): colours are written #rrggbb" }
            if bands.contains(where: { $0.nameZh.isEmpty || $0.nameEn.isEmpty }) {
                return "\(name): every band needs a Chinese and an English name"
            }
        }
        return nil
    }

    static func isColour(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The bundled default scale.
    public static let bundled: CarbonEfficiencyScale = {
        guard let table = try? CSVTable(parsing: ReferenceData.carbonEfficiencyCSV) else {
            fatalError("PeakZero's bundled carbon-efficiency.csv does not parse")
        }
        var levels: [Band] = []
        var grades: [Band] = []
        var sources: Set<String> = []
        let header = table.records.first ?? []
        for record in table.records.dropFirst() where record.count == header.count {
            let row = Dictionary(uniqueKeysWithValues: zip(header, record))
            let band = Band(
                upperBound: Double(row["upper_bound"] ?? ""), nameZh: row["name_zh"] ?? "",
                nameEn: row["name_en"] ?? "", colour: row["colour"] ?? "#888888")
            if row["scale"] == "level" { levels.append(band) } else { grades.append(band) }
            sources.insert("\(row["source"] ?? "") (grade \(row["grade"] ?? ""))")
        }
        return CarbonEfficiencyScale(levels: levels, grades: grades, source: sources.sorted().joined(separator: "; "))
    }()
}
