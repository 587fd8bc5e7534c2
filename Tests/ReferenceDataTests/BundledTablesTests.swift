import Foundation
import ReferenceData
import Testing

/// The bundled tables against the reference values they were transcribed from (china-data.md,
/// whose figures come from the MEE/NBS notices, GB/T 2589 and the NDRC guidelines).
@Suite("Bundled reference tables")
struct BundledTablesTests {
    /// Rows of factors.csv as dictionaries (a plain split: these files quote no commas in the checked columns).
    static let factorRows: [[String: String]] = rows(of: ReferenceData.factorsCSV)

    static func rows(of csv: String) -> [[String: String]] {
        var lines = csv.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let fields = line.split(separator: ",", maxSplits: header.count - 1, omittingEmptySubsequences: false)
            return Dictionary(uniqueKeysWithValues: zip(header, fields.map(String.init)))
        }
    }

    static func value(kind: String, region: String, year: String) -> String? {
        factorRows.first { $0["kind"] == kind && $0["region"] == region && $0["year"] == year }?["value"]
    }

    @Test("every factor row has an id, a value, a unit, a grade and a source")
    func everyRowIsCited() {
        for row in Self.factorRows {
            #expect(!(row["id"] ?? "").isEmpty)
            #expect(Double(row["value"] ?? "") != nil, "\(row["id"] ?? "")")
            #expect(["V", "S", "U"].contains(row["grade"] ?? ""), "\(row["id"] ?? "")")
            #expect(!(row["source"] ?? "").isEmpty, "\(row["id"] ?? "")")
        }
    }

    @Test("national averages are not swapped: 2021 0.5568, 2022 0.5366, 2023 0.5306")
    func nationalGridFactors() {
        #expect(Self.value(kind: "grid_average", region: "CN", year: "2021") == "0.5568")
        #expect(Self.value(kind: "grid_average", region: "CN", year: "2022") == "0.5366")
        #expect(Self.value(kind: "grid_average", region: "CN", year: "2023") == "0.5306")
        #expect(Self.value(kind: "grid_excluding_market_nonfossil", region: "CN", year: "2023") == "0.6096")
        #expect(Self.value(kind: "grid_fossil", region: "CN", year: "2023") == "0.8273")
    }

    @Test("30 provinces and 7 regions for each of 2021, 2022 and 2023")
    func gridFactorsAreComplete() {
        for year in ["2021", "2022", "2023"] {
            let rows = Self.factorRows.filter { $0["kind"] == "grid_average" && $0["year"] == year }
            #expect(rows.filter { ($0["region"] ?? "").count == 2 && Int($0["region"]!) != nil }.count == 30)
            #expect(rows.filter { ($0["region"] ?? "").allSatisfy(\.isLetter) && $0["region"] != "CN" }.count == 7)
        }
        #expect(Self.value(kind: "grid_average", region: "51", year: "2023") == "0.1564")
        #expect(Self.value(kind: "grid_average", region: "southwest", year: "2023") == "0.2472")
    }

    @Test("unverified (U) rows are exactly those the reference marks unverified")
    func unverifiedRows() {
        let unverified = Set(Self.factorRows.filter { $0["grade"] == "U" }.compactMap { $0["id"] })
        #expect(unverified.contains("GRID-004") && unverified.contains("GRID-005"))
        #expect(unverified.allSatisfy { $0.hasPrefix("FUEL13-") || $0.hasPrefix("GRID-00") })
        // The defaults a 2023 inventory uses by default are never U.
        #expect(!unverified.contains("GRID-008") && !unverified.contains("FUEL15-082"))
    }

    @Test("no derived emission factor is shipped: PeakZero computes EF from NCV, CC and OF")
    func noDerivedFactors() {
        #expect(Self.factorRows.allSatisfy { !($0["notes"] ?? "").contains("computed here, not an official") })
    }

    @Test("items and provinces load")
    func otherTables() {
        #expect(Self.rows(of: ReferenceData.itemsCSV).count >= 40)
        #expect(Self.rows(of: ReferenceData.provincesCSV).count == 34)
    }
}
