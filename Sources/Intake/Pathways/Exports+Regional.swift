import Accounting
import Pathways
import Persistence
import Spreadsheet

extension Exports {
    /// Regional statistics in their template's layout (importable again), areas and carriers named
    /// in the export's language.
    public static func regional(_ statistics: [RegionalStatistic], language: Language) -> [ExportTable] {
        let rows: [[CellValue]] = statistics.map { row in
            let values: [String: CellValue] = [
                "region": .text(row.regionCode), "year": .number(Double(row.year)),
                "area": row.area.map { .text($0.name(language)) } ?? .empty,
                "carrier": row.carrier.map { .text($0.name(language)) } ?? .empty,
                "energy_tce": row.energyTce.map(CellValue.number) ?? .empty,
                "value_added": row.valueAdded.map(CellValue.number) ?? .empty,
                "gdp": row.gdp.map(CellValue.number) ?? .empty,
                "population": row.population.map(CellValue.number) ?? .empty,
            ]
            return Templates.Kind.regional.columns.map { values[$0.field] ?? .empty }
        }
        return [table(.regional, rows: rows, language: language)]
    }

    /// The stored statistics of a region and the regions within it.
    public static func regional(in database: PeakZeroDatabase, region: RegionPrefix, language: Language) async throws
        -> [ExportTable]
    {
        regional(try await RegionalStatisticsStore(database).list(region: region).map(\.statistic), language: language)
    }
}
