import ReferenceData
import Testing

@testable import Accounting

/// The bundled GB/T 2260 and GB/T 4754-2017 names: what pages show instead of codes.
@Suite("Names of regions and industries")
struct NamesTests {
    let divisions = AdministrativeDivisions.bundled

    @Test("cities and counties are named; provinces by their table; unknown codes stay codes")
    func regions() {
        // Expected names: the NBS 2023 统计用区划代码 list and the MCA April 2019 list agree on these.
        #expect(divisions.name(of: "510700", .zh) == "绵阳市")
        #expect(divisions.name(of: "510703", .zh) == "涪城区")
        #expect(divisions.name(of: "510100", .en) == "Chengdu City")
        #expect(divisions.name(of: "510000", .zh) == "四川")
        #expect(divisions.name(of: "51", .en) == "Sichuan")
        #expect(divisions.name(of: "510703", .zh, withProvince: true) == "四川涪城区")
        #expect(divisions.name(of: "510703", .en, withProvince: true) == "Fucheng District, Sichuan")
        // 510799 is in no edition: the province and the code, so the reader still knows where.
        #expect(divisions.name(of: "510799", .zh) == "四川 510799")
        #expect(divisions.name(of: "990000", .zh) == "990000")
    }

    @Test("counties have positions for a city's tile map: Chengdu's north-west lies west and north of its south-east")
    func countyPositions() throws {
        // 都江堰市 (north-west of Chengdu) and 简阳市 (south-east), as any map of Sichuan shows them.
        let dujiangyan = try #require(divisions.position(of: "510181"))
        let jianyang = try #require(divisions.position(of: "510185"))
        #expect(dujiangyan.longitude < jianyang.longitude && dujiangyan.latitude > jianyang.latitude)
        // Every row is a known division, and lies within 3° of its prefecture's seat (or province's capital).
        let rows = try CSVTable(parsing: ReferenceData.divisionPositionsCSV).records.dropFirst()
        #expect(rows.count > 2_900)
        for row in rows where !row[0].hasSuffix("00") {
            let seat = try #require(divisions.position(of: String(row[0].prefix(4)) + "00") ?? divisions.position(of: String(row[0].prefix(2))))
            let place = try #require(divisions.position(of: row[0]))
            #expect(abs(place.longitude - seat.longitude) <= 3 && abs(place.latitude - seat.latitude) <= 3, "\(row[0])")
            #expect(divisions.division(code: row[0]) != nil, "\(row[0])")
        }
    }

    @Test("every division row is a six-digit code under a known province, once, with both names")
    func divisionTable() throws {
        let table = try CSVTable(parsing: ReferenceData.divisionsCSV)
        let rows = table.records.dropFirst()
        #expect(rows.count > 3000)
        var seen: Set<String> = []
        for row in rows {
            #expect(row.count == 4, "\(row)")
            let code = row[0]
            #expect(code.count == 6 && code.allSatisfy(\.isNumber), "\(code)")
            #expect(ProvinceTable.bundled.province(code: String(code.prefix(2))) != nil, "\(code)")
            #expect(seen.insert(code).inserted, "\(code) twice")
            #expect(!row[1].isEmpty && !row[2].isEmpty && row[2].allSatisfy(\.isASCII), "\(row)")
            #expect(["V", "S"].contains(row[3]), "\(row)")
        }
    }

    @Test("industry codes show their GB/T 4754-2017 division; 20 sections and 97 divisions")
    func industries() throws {
        let industries = IndustryClassification.bundled
        #expect(industries.label(ofIndustry: "C30", .zh) == "C30 非金属矿物制品业")
        #expect(industries.label(ofIndustry: "30", .zh) == "C30 非金属矿物制品业")
        #expect(industries.label(ofIndustry: "c3011", .en) == "C3011 · C30 Manufacture of non-metallic mineral products")
        #expect(industries.label(ofIndustry: "D4411", .zh) == "D4411 · D44 电力、热力生产和供应业")
        #expect(industries.label(ofIndustry: "A", .zh) == "A 农、林、牧、渔业")
        #expect(industries.label(ofIndustry: "X99", .zh) == "X99")
        let rows = try CSVTable(parsing: ReferenceData.industriesCSV).records.dropFirst()
        #expect(rows.filter { $0[0].count == 1 }.count == 20)
        #expect(rows.filter { $0[0].count == 2 }.map { Int($0[0])! } == Array(1...97))
    }
}
