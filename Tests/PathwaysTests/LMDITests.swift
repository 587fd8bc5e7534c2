import Accounting
import Pathways
import Testing

/// Rows from `[year: [sector: (activity, [carrier: (tce, tCO2)])]]`.
func rows(_ data: [Int: [String: (Double, [String: (Double, Double)])]], carriers: Bool = true) -> [DecompositionRow] {
    data.sorted { $0.key < $1.key }.flatMap { year, sectors in
        sectors.sorted { $0.key < $1.key }.flatMap { sector, figures in
            figures.1.sorted { $0.key < $1.key }.map { carrier, values in
                DecompositionRow(
                    year: year, sector: sector, carrier: carriers ? carrier : nil, activity: figures.0,
                    energy: StandardCoal(values.0, .tonneCoalEquivalent), co2: Emissions(values.1, .tonneCO2e))
            }
        }
    }
}

/// Two sectors, three carriers, 2020 → 2025: every factor moves. The expected effects were computed
/// outside PeakZero with the textbook formulas of Ang (2005, eqs. 4–5) in plain Python
/// (`math.log`, L(a, b) = (a − b)/(ln a − ln b), each factor's ratio formed from its definition).
let twoSectors: [Int: [String: (Double, [String: (Double, Double)])]] = [
    2020: [
        "industry": (400, ["coal": (300, 750), "gas": (50, 80), "electricity": (100, 220)]),
        "services": (600, ["coal": (20, 50), "gas": (30, 48), "electricity": (60, 132)]),
    ],
    2025: [
        "industry": (450, ["coal": (260, 637), "gas": (80, 128), "electricity": (120, 240)]),
        "services": (850, ["coal": (10, 24.5), "gas": (50, 80), "electricity": (100, 200)]),
    ],
]

func expectClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("no value", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= relative * max(abs(expected), 1), "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}

@Suite("LMDI-I")
struct LMDITests {
    @Test("a single sector and carrier, by hand: V = Q · I · U, 500 → 540 t")
    func singleSectorByHand() throws {
        // Q 100 → 120, I 2 → 1.8 tce per unit, U 2.5 t per tce. L(540, 500) = 40 / ln 1.08 = 519.7437…;
        // activity = L · ln 1.2 = 94.7622…, intensity = L · ln 0.9 = −54.7622…; they sum to 40.
        let data = try DecompositionData(
            rows: rows(
                [2020: ["all": (100, ["coal": (200, 500)])], 2021: ["all": (120, ["coal": (216, 540)])]],
                carriers: false))
        let result = try Decomposition(data)
        let weight = 40 / 0.076961041136128325
        expectClose(result.total.effects[.activity], weight * 0.18232155679395459)
        expectClose(result.total.effects[.intensity], weight * -0.10536051565782628)
        expectClose(result.total.effects[.structure], 0)
        expectClose(result.total.effects[.emissionFactor], 0)
        #expect(result.total.effects[.mix] == nil, "no carriers given: no mix effect")
    }

    @Test("two sectors, three carriers: additive effects as computed independently")
    func additive() throws {
        let result = try Decomposition(DecompositionData(rows: rows(twoSectors)))
        #expect(result.total.start == 1280 && result.total.end == 1309.5)
        expectClose(result.total.effects[.activity], 337.39715365501866)
        expectClose(result.total.effects[.structure], -125.52260962657206)
        expectClose(result.total.effects[.intensity], -91.18368151359417)
        expectClose(result.total.effects[.mix], -38.98391745751914)
        expectClose(result.total.effects[.emissionFactor], -52.20694505733306)
        #expect(result.total.relativeResidual < 1e-12)
    }

    @Test("two sectors, three carriers: multiplicative indices multiply to V^T / V^0")
    func multiplicative() throws {
        let result = try Decomposition(DecompositionData(rows: rows(twoSectors)), form: .multiplicative)
        expectClose(result.total.effects[.activity], 1.2977083787265762)
        expectClose(result.total.effects[.structure], 0.9075999636711385)
        expectClose(result.total.effects[.intensity], 0.9319941400119001)
        expectClose(result.total.effects[.mix], 0.9703382796291413)
        expectClose(result.total.effects[.emissionFactor], 0.9604784128382249)
        expectClose(result.total.explained, 1309.5 / 1280)
    }

    @Test("a sector appearing: its whole CO2 goes to structure (the analytical limit), none to the rest")
    func sectorAppearing() throws {
        var data = twoSectors
        data[2025]!["new"] = (50, ["coal": (10, 25)])
        let result = try Decomposition(DecompositionData(rows: rows(data)))
        // Expected: the same Python, with the limit rule for a term zero in one year.
        expectClose(result.total.effects[.activity], 385.93074211937767)
        expectClose(result.total.effects[.structure], -149.05619809093102)
        expectClose(result.total.effects[.intensity], -91.18368151359417)
        expectClose(result.total.effects[.mix], -38.983917457519134)
        expectClose(result.total.effects[.emissionFactor], -52.20694505733306)
        #expect(result.total.relativeResidual < 1e-12)
    }

    @Test("a sector vanishing: the mirror of appearing")
    func sectorVanishing() throws {
        var data = twoSectors
        data[2025]!["new"] = (50, ["coal": (10, 25)])
        let result = try Decomposition(DecompositionData(rows: rows(data)), from: 2025, to: 2020)
        expectClose(result.total.effects[.activity], -385.93074211937767)
        expectClose(result.total.effects[.structure], 149.05619809093108)
        #expect(result.total.relativeResidual < 1e-12)
    }

    @Test("a carrier taken up by a sector: its CO2 goes to the mix effect")
    func carrierTakenUp() throws {
        var data = twoSectors
        data[2020]!["services"] = (600, ["coal": (20, 50), "electricity": (60, 132)])
        let result = try Decomposition(DecompositionData(rows: rows(data)))
        expectClose(result.total.effects[.activity], 320.9616890417443)
        expectClose(result.total.effects[.structure], -130.9063602171318)
        expectClose(result.total.effects[.intensity], -29.337291448347152)
        expectClose(result.total.effects[.mix], -31.011092318932178)
        expectClose(result.total.effects[.emissionFactor], -52.20694505733306)
    }

    @Test("a carrier unused in both years changes nothing")
    func carrierUnusedInBoth() throws {
        var data = twoSectors
        data[2020]!["industry"]!.1["oil"] = (0, 0)
        data[2025]!["industry"]!.1["oil"] = (0, 0)
        let with = try Decomposition(DecompositionData(rows: rows(data)))
        let without = try Decomposition(DecompositionData(rows: rows(twoSectors)))
        #expect(with.total == without.total)
    }

    @Test("chained year by year: the steps sum (additive) and multiply (multiplicative) to the change")
    func chained() throws {
        var data = twoSectors
        data[2022] = [
            "industry": (430, ["coal": (290, 720), "gas": (60, 96), "electricity": (105, 220)]),
            "services": (700, ["coal": (15, 37), "gas": (40, 64), "electricity": (80, 170)]),
        ]
        let set = try DecompositionData(rows: rows(data))
        let additive = try Decomposition(set, chained: true)
        #expect(additive.steps.map(\.from) == [2020, 2022] && additive.steps.map(\.to) == [2022, 2025])
        #expect(additive.total.relativeResidual < 1e-12)
        let sum = additive.steps.map { $0.effects.effects[.activity]! }.reduce(0, +)
        #expect(additive.total.effects[.activity] == sum)
        let multiplicative = try Decomposition(set, form: .multiplicative, chained: true)
        #expect(multiplicative.total.relativeResidual < 1e-12)
    }

    @Test("bad data is refused with the year, sector and carrier named")
    func badData() throws {
        var data = twoSectors
        data[2020]!["services"]!.1["gas"] = (0, 48)
        #expect {
            _ = try DecompositionData(rows: rows(data))
        } throws: { error in
            (error as? DecompositionProblems)?.text(.en) == "2020 · services · gas: "
                + DecompositionProblem.catalogue.text(.emissionsWithoutEnergy, .en)
        }
        var negative = rows(twoSectors)
        negative[0].activity = -1
        #expect(throws: DecompositionProblems.self) { try DecompositionData(rows: negative) }
        let set = try DecompositionData(rows: rows(twoSectors))
        #expect {
            _ = try Decomposition(set, from: 2019, to: 2025)
        } throws: { error in
            (error as? DecompositionProblems)?.problems.map(\.kind) == [.yearMissing]
        }
    }

    @Test("every message is in both languages")
    func catalogues() {
        #expect(DecompositionProblem.catalogue.gaps == [])
        #expect(DecompositionFactor.names.gaps == [])
        #expect(DecompositionFactor.definitions.gaps == [])
    }
}
