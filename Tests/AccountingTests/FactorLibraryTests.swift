import Accounting
import Testing

@Suite("Factor library")
struct FactorLibraryTests {
    static let header = "id,kind,item,region,variant,year,value,unit,grade,source,document,published,url,notes\n"

    static func userSet(_ rows: String, name: String = "supplier.csv") throws -> FactorSet {
        try FactorSet(csv: header + rows, name: name, file: name)
    }

    @Test("the bundled library loads every row with a source and a grade")
    func bundled_loads() throws {
        let set = try FactorSet.bundled()
        #expect(set.entries.count > 250)
        #expect(set.entries.allSatisfy { !$0.source.isEmpty })
        #expect(Set(set.entries.map(\.id)).count == set.entries.count)
    }

    @Test("a user set beats the bundled provincial factor")
    func userSet_beatsBundled() throws {
        let own = try Self.userSet("MY-1,grid_average,electricity,CN,,2023,0.5,tCO2/MWh,S,contract with supplier,,,,\n")
        let library = Fixture.library.adding(own)
        let line = try Fixture.line(Fixture.record("电力", 100, "MWh"), library: library)
        #expect(isClose(Fixture.tonnes(line.locationBased), 50))
        #expect(line.factors.first { $0.kind == .gridAverage }?.entry?.setName == "supplier.csv")
    }

    @Test("a user's heat factor (a supplier's) replaces the default 0.11")
    func userSet_supplierHeatFactor() throws {
        let own = try Self.userSet("HEAT-X,heat,heat,CN,,,95,kgCO2/GJ,S,heat supplier statement 2023,,,,\n")
        let line = try Fixture.line(Fixture.record("热力", 1000, "GJ"), library: Fixture.library.adding(own))
        #expect(isClose(Fixture.tonnes(line.locationBased), 95))
    }

    @Test("a measured value beats a user set")
    func measured_beatsUserSet() throws {
        let own = try Self.userSet("MY-NCV,ncv,diesel,,,,43.0,GJ/t,S,lab report,,,,\n")
        let measured = MeasuredParameters(netCalorificValue: .init(gigajoulesPerBaseUnit: 42.0, of: .mass))
        let line = try Fixture.line(
            Fixture.record("柴油", 1, "t", measured: measured), library: Fixture.library.adding(own))
        #expect(isClose(Fixture.tonnes(line.locationBased), 42.0 * 0.0202 * 0.98 * 44 / 12))
        let withoutMeasured = try Fixture.line(Fixture.record("柴油", 1, "t"), library: Fixture.library.adding(own))
        #expect(isClose(Fixture.tonnes(withoutMeasured.locationBased), 43.0 * 0.0202 * 0.98 * 44 / 12))
    }

    @Test("within a set the province beats the nation, and a later user set beats an earlier one")
    func specificity_provinceOverNationAndLaterSetOverEarlier() throws {
        let first = try Self.userSet(
            "A1,grid_average,electricity,CN,,2023,0.9,tCO2/MWh,S,test,,,,\nA2,grid_average,electricity,51,,2023,0.2,tCO2/MWh,S,test,,,,\n",
            name: "first.csv")
        let library = Fixture.library.adding(first)
        let sichuan = try Fixture.line(Fixture.record("电力", 10, "MWh", region: "510104"), library: library)
        #expect(isClose(Fixture.tonnes(sichuan.locationBased), 2))
        let beijing = try Fixture.line(Fixture.record("电力", 10, "MWh", region: "110105"), library: library)
        #expect(isClose(Fixture.tonnes(beijing.locationBased), 9))
        let second = try Self.userSet(
            "B1,grid_average,electricity,51,,2023,0.3,tCO2/MWh,S,test,,,,\n", name: "second.csv")
        let later = try Fixture.line(Fixture.record("电力", 10, "MWh", region: "510104"), library: library.adding(second))
        #expect(isClose(Fixture.tonnes(later.locationBased), 3))
    }

    @Test("a bad user set is rejected with one message per problem, by row and column")
    func userSet_badRowsAreReported() throws {
        let rows = """
            X1,grid_average,electricity,CN,,2023,0.5,tCO2/t,S,src,,,,
            X2,ncv,diesel,,,,abc,GJ/t,S,src,,,,
            X3,gwp,ch4,,AR9,,28,tCO2e/t,V,src,,,,
            X1,heat,heat,CN,,,0.1,tCO2/GJ,Q,src,,,,
            X5,colour,heat,CN,,,0.1,tCO2/GJ,V,src,,,,

            """
        #expect {
            try Self.userSet(rows)
        } throws: { error in
            guard let issues = (error as? InputIssues)?.issues else { return false }
            let found = issues.map { "\($0.row!) \($0.column!)" }
            return found == ["2 unit", "3 value", "4 variant", "5 id", "5 grade", "6 kind"]
                && issues.allSatisfy { $0.file == "supplier.csv" }
        }
    }
}
