import ReferenceData

/// GB/T 2260 provinces and the grid region whose regional factor stands in when a province has
/// no provincial factor of its own.
public struct ProvinceTable: Sendable {
    public struct Province: Sendable, Hashable {
        public let code: String
        public let nameZh: String
        public let nameEn: String
        /// The regional grid it belongs to (`north`, `southwest` …), nil where no factor is published.
        public let gridRegion: String?
        /// The grade of that membership (V, S or U), as for factors.
        public let gridRegionGrade: Grade?
        public let gridRegionSource: String
    }

    public let provinces: [Province]

    public func province(code: String) -> Province? { provinces.first { $0.code == code } }

    public static let bundled: ProvinceTable = {
        do {
            let table = try CSVTable(parsing: ReferenceData.provincesCSV)
            let header = table.records[0]
            let provinces = table.records.dropFirst().filter { !CSVTable.isBlank($0) }.map { record in
                let row = Dictionary(
                    uniqueKeysWithValues: zip(header, record + Array(repeating: "", count: header.count)))
                let region = row["grid_region", default: ""]
                return Province(
                    code: row["code", default: ""], nameZh: row["name_zh", default: ""],
                    nameEn: row["name_en", default: ""], gridRegion: region.isEmpty ? nil : region,
                    gridRegionGrade: Grade(rawValue: row["grid_region_grade", default: ""]),
                    gridRegionSource: row["grid_region_source", default: ""])
            }
            return ProvinceTable(provinces: provinces)
        } catch {
            fatalError("PeakZero's bundled provinces.csv is malformed: \(error)")
        }
    }()
}
