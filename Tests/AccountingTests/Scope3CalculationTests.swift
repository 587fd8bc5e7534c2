import Accounting
import Testing

/// Scope 3 rows by each method of the GHG Protocol's Scope 3 calculation guidance, against figures
/// worked by hand here; the factors are a user's (PeakZero ships no value-chain factors).
@Suite("Scope 3 calculation")
struct Scope3CalculationTests {
    static let factors: FactorSet = {
        let header = "id,kind,item,region,variant,year,value,unit,grade,source,document,published,url,notes\n"
        let rows = """
            STEEL,value_chain,steel,,,2024,2.1,tCO2e/t,S,supplier average (test),,,,
            DIESEL,value_chain,diesel,,,2024,3186,kgCO2e/t,S,fuel factor (test),,,,
            SPEND,value_chain,services,,,2020,0.5,kgCO2e/CNY,S,EEIO (test),,,,
            SPEND-NOYEAR,value_chain,services,,,,0.5,kgCO2e/CNY,S,EEIO (test),,,,
            TRUCK,value_chain,road freight,,,2024,0.1,kgCO2e/tkm,S,freight (test),,,,
            FLIGHT,value_chain,air travel,,,2024,0.15,kgCO2e/pkm,S,travel (test),,,,
            PART,value_chain,part,,,2024,1.2,kgCO2e/件,S,supplier product (test),,,,
            GRID,grid_average,electricity,CN,,2022,0.5366,tCO2/MWh,V,grid (test),,,,

            """
        return try! FactorSet(csv: header + rows, name: "value-chain.csv")
    }()

    static func factor(_ id: String) -> Scope3Factor? {
        factors.entries.first { $0.id == id }.flatMap(Scope3Factor.init)
    }

    static func row(_ category: Scope3Category, _ method: Scope3Method, _ edit: (inout Scope3Activity) -> Void)
        -> Scope3Activity
    {
        var row = Scope3Activity(category: category)
        row.method = method
        row.tier = .good
        edit(&row)
        return row
    }

    static func tonnes(_ row: Scope3Activity, _ factorID: String?) throws -> Double {
        try Scope3Calculation.line(row, factor: factorID.flatMap(factor)).get().tonnes
    }

    static func fields(_ row: Scope3Activity, _ factorID: String?) -> [String] {
        switch Scope3Calculation.line(row, factor: factorID.flatMap(factor)) {
        case .success: []
        case .failure(let failure): failure.problems.map(\.field)
        }
    }

    @Test("average-data: 250,000 kg of steel × 2.1 tCO2e/t = 525 t")
    func averageData() throws {
        let row = Self.row(.purchasedGoodsAndServices, .averageData) {
            $0.quantity = 250_000
            $0.unit = "kg"
        }
        #expect(isClose(try Self.tonnes(row, "STEEL"), 525))
    }

    @Test("fuel-based: 40 t of diesel × 3,186 kgCO2e/t = 127.44 t")
    func fuelBased() throws {
        let row = Self.row(.upstreamTransportation, .fuelBased) {
            $0.quantity = 40
            $0.unit = "吨"
        }
        #expect(isClose(try Self.tonnes(row, "DIESEL"), 127.44))
    }

    @Test("spend-based: USD 1,000,000 at 2024 prices × 7.1 CNY/USD × 0.9 to 2020 prices × 0.5 kgCO2e/CNY = 3,195 t")
    func spendBased_convertsCurrencyAndPriceYear() throws {
        let row = Self.row(.purchasedGoodsAndServices, .spendBased) {
            $0.spend = 1_000_000
            $0.currency = "USD"
            $0.priceYear = 2024
            $0.exchangeRate = 7.1
            $0.priceIndex = 0.9
        }
        #expect(isClose(try Self.tonnes(row, "SPEND"), 3_195))
        let line = try Scope3Calculation.line(row, factor: Self.factor("SPEND")).get()
        #expect(isClose(line.basisAmount ?? 0, 6_390_000))
    }

    @Test("spend-based: 200 万元 at the factor's price year × 0.5 kgCO2e/CNY = 1,000 t")
    func spendBased_tenThousandYuan() throws {
        let row = Self.row(.capitalGoods, .spendBased) {
            $0.spend = 200
            $0.currency = "万元"
            $0.priceYear = 2020
        }
        #expect(isClose(try Self.tonnes(row, "SPEND"), 1_000))
    }

    @Test("spend-based: another currency without an exchange rate, another year without an index, are refused")
    func spendBased_refusesMissingConversions() {
        let row = Self.row(.purchasedGoodsAndServices, .spendBased) {
            $0.spend = 1_000
            $0.currency = "EUR"
            $0.priceYear = 2023
        }
        #expect(Self.fields(row, "SPEND") == ["exchange_rate", "price_index"])
        var noCurrency = row
        noCurrency.currency = nil
        #expect(Self.fields(noCurrency, "SPEND") == ["currency"])
        var sameYear = row
        sameYear.currency = "CNY"
        #expect(Self.fields(sameYear, "SPEND-NOYEAR") == ["factor_id"])
    }

    @Test("distance-based: 20 t × 1,500 km × 0.1 kgCO2e/t·km = 3 t, the same as 30,000 t·km; 12,000 p·km × 0.15 = 1.8 t")
    func distanceBased() throws {
        let byLeg = Self.row(.upstreamTransportation, .distanceBased) {
            $0.massTonnes = 20
            $0.distanceKm = 1_500
        }
        #expect(isClose(try Self.tonnes(byLeg, "TRUCK"), 3))
        let byTotal = Self.row(.downstreamTransportation, .distanceBased) {
            $0.quantity = 30_000
            $0.unit = "t·km"
        }
        #expect(isClose(try Self.tonnes(byTotal, "TRUCK"), 3))
        let travel = Self.row(.businessTravel, .distanceBased) {
            $0.quantity = 12_000
            $0.unit = "人公里"
        }
        #expect(isClose(try Self.tonnes(travel, "FLIGHT"), 1.8))
        #expect(Self.fields(travel, "TRUCK") == ["uom"])
    }

    @Test("supplier-specific: the supplier's 84.2 t as given; 5,000 pieces × 1.2 kgCO2e/件 = 6 t")
    func supplierSpecific() throws {
        let given = Self.row(.purchasedGoodsAndServices, .supplierSpecific) { $0.supplierTonnes = 84.2 }
        #expect(isClose(try Self.tonnes(given, nil), 84.2))
        let product = Self.row(.purchasedGoodsAndServices, .supplierSpecific) {
            $0.quantity = 5_000
            $0.unit = "件"
        }
        #expect(isClose(try Self.tonnes(product, "PART"), 6))
        let neither = Self.row(.purchasedGoodsAndServices, .supplierSpecific) { _ in }
        #expect(Self.fields(neither, nil) == ["supplier_emissions"])
    }

    @Test("hybrid: the supplier's allocated 40 t + 100 t of material × 2.1 tCO2e/t = 250 t")
    func hybrid() throws {
        let row = Self.row(.purchasedGoodsAndServices, .hybrid) {
            $0.supplierTonnes = 40
            $0.quantity = 100
            $0.unit = "t"
        }
        #expect(isClose(try Self.tonnes(row, "STEEL"), 250))
        var noSupplier = row
        noSupplier.supplierTonnes = nil
        #expect(Self.fields(noSupplier, "STEEL") == ["supplier_emissions"])
    }

    @Test("a factor of the wrong basis or unit is refused, named by field")
    func mismatches() {
        let spendFactor = Self.row(.purchasedGoodsAndServices, .averageData) {
            $0.quantity = 1
            $0.unit = "t"
        }
        #expect(Self.fields(spendFactor, "SPEND") == ["factor_id"])
        let energyForMass = Self.row(.purchasedGoodsAndServices, .averageData) {
            $0.quantity = 1
            $0.unit = "kWh"
        }
        #expect(Self.fields(energyForMass, "STEEL") == ["uom"])
        let noFactor = Self.row(.wasteGenerated, .averageData) { $0.quantity = 1 }
        #expect(Self.fields(noFactor, nil) == ["factor_id"])
        var noTier = Self.row(.wasteGenerated, .averageData) {
            $0.quantity = 1
            $0.unit = "t"
        }
        noTier.tier = nil
        #expect(Self.fields(noTier, "STEEL") == ["tier"])
        let negative = Self.row(.wasteGenerated, .averageData) {
            $0.quantity = -1
            $0.unit = "t"
        }
        #expect(Self.fields(negative, "STEEL").contains("quantity"))
        #expect(Scope3Factor(Self.factors.entries.first { $0.id == "GRID" }!) == nil)
    }

    @Test("an exclusion holds a reason and nothing else")
    func exclusions() throws {
        var excluded = Scope3Activity(category: .franchises)
        excluded.excludedReason = "no franchises"
        #expect(try Scope3Calculation.line(excluded, factor: nil).get().tonnes == 0)
        excluded.quantity = 3
        excluded.method = .averageData
        #expect(Self.fields(excluded, nil) == ["method", "quantity"])
        excluded = Scope3Activity(category: .franchises)
        excluded.excludedReason = "  "
        #expect(Self.fields(excluded, nil) == ["excluded_reason"])
    }

    @Test("the summary: categories with emission-weighted tiers, totals upstream and downstream, exclusions, the rest not assessed")
    func summary() {
        let summary = Scope3Summary([
            .init(category: .purchasedGoodsAndServices, method: .spendBased, tier: .poor, tonnes: 300, excludedReason: nil),
            .init(category: .purchasedGoodsAndServices, method: .supplierSpecific, tier: .veryGood, tonnes: 100, excludedReason: nil),
            .init(category: .useOfSoldProducts, method: .averageData, tier: .fair, tonnes: 50, excludedReason: nil),
            .init(category: .franchises, method: nil, tier: nil, tonnes: 0, excludedReason: "no franchises"),
        ])
        #expect(summary.categories.map(\.category) == [1, 11])
        // (300 × 4 + 100 × 1) / 400 = 3.25.
        #expect(isClose(summary.categories[0].weightedTier, 3.25))
        #expect(summary.categories[0].methods == [.supplierSpecific, .spendBased])
        #expect(summary.upstreamTonnes == 400)
        #expect(summary.downstreamTonnes == 50)
        #expect(summary.totalTonnes == 450)
        #expect(summary.exclusions.map(\.category) == [14])
        #expect(summary.exclusions.map(\.reason) == ["no franchises"])
        #expect(summary.notAssessed == [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15])
    }

    @Test("categories and methods read as sheets write them")
    func parsing() {
        #expect(Scope3Category(parsing: "C4") == .upstreamTransportation)
        #expect(Scope3Category(parsing: "类别 11") == .useOfSoldProducts)
        #expect(Scope3Category(parsing: "商务差旅") == .businessTravel)
        #expect(Scope3Category(parsing: "16") == nil)
        #expect(Scope3Method(parsing: "spend-based") == .spendBased)
        #expect(Scope3Method(parsing: "混合法") == .hybrid)
        #expect(ValueChainBasis(parsing: "吨公里") == .freight)
        #expect(ValueChainBasis(parsing: "万元") == .money(Currency(code: "CNY", scale: 10_000)))
        #expect(ValueChainBasis(parsing: "tce") == .physical(.standardCoal(.tonneCoalEquivalent)))
    }
}
