import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// The pathways of a region: its history and why its CO2 moved.
struct PathwaysAPI {
    let database: PeakZeroDatabase

    func history(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let code = try Self.region(request, context)
        let history = try await RegionalStatisticsStore(database).history(regionCode: code)
        let library = try FactorLibrary.standard()
        let factors: [Int: CarrierFactors]
        switch CarrierFactors.byYear(history.years.keys, from: library, province: String(code.prefix(2))) {
        case .success(let found): factors = found
        case .failure(let missing):
            let language = request.language
            throw APIError(
                status: .unprocessableContent, code: "missing_factor",
                message: language.say(
                    .missingFactor,
                    ["kind": missing.kind.name(in: language), "carrier": missing.carrier?.name(language) ?? "—"]))
        }
        var document = RegionalHistoryDocument(history: history, factors: factors)
        let from = try request.query("from", as: Int.self), to = try request.query("to", as: Int.self)
        // Read even without the years, so a misspelt form is told rather than ignored.
        let form = try request.choice("form", default: DecompositionForm.additive)
        if from != nil || to != nil {
            do throws(DecompositionProblems) {
                let data = try DecompositionData(rows: history.decompositionRows { factors[$0]! })
                let result = try Decomposition(data, from: from, to: to, form: form)
                document.decomposition = .init(result, request.language)
                document.excludedAreas = Dictionary(
                    uniqueKeysWithValues: history.excludedChanges(from: result.from, to: result.to) { factors[$0]! }
                        .map { ($0.key.rawValue, $0.value) })
            } catch {
                throw APIError(
                    status: .unprocessableContent, code: "cannot_decompose", message: error.text(request.language))
            }
        }
        return Response.json(try JSONCoding.encoder.encode(document))
    }
}

extension PathwaysAPI {
    /// A unit's years from its stored inventories, by child (`by=child`, the default) or by the six
    /// areas its children's industry codes place them in (`by=area`); with `from` and `to`, the LMDI
    /// of the change in CO2 with the children (or areas) as sectors.
    func unitHistory(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let id = try context.id()
        let unit: ReportingUnit
        do { unit = try await UnitStore(database).unit(id: id) } catch StoreError.notFound {
            throw APIError.notFound(language.say(.noSuchObject))
        }
        let by = request.uri.queryParameters.get("by").map { String($0) } ?? "child"
        guard ["child", "area"].contains(by) else {
            throw APIError.badRequest(language.say(.notRecognised, ["name": "by", "text": by]))
        }
        let store = UnitHistoryStore(database)
        let rollups = try await store.rollups(unit: unit, years: 2000...2060)
        let byChild = try await store.history(unit, rollups: rollups)
        let history = by == "area" ? byChild.byArea(industries: try await store.childIndustries(of: unit)) : byChild
        var document = UnitHistoryDocument(history, by: by)
        document.addCarriers(UnitHistoryStore.carriers(rollups))
        let from = try request.query("from", as: Int.self), to = try request.query("to", as: Int.self)
        // Read even without the years, so a misspelt form is told rather than ignored.
        let form = try request.choice("form", default: DecompositionForm.additive)
        if from != nil || to != nil {
            do throws(DecompositionProblems) {
                let result = try Decomposition(
                    DecompositionData(rows: history.decompositionRows()), from: from, to: to, form: form)
                document.decomposition = RegionalHistoryDocument.DecompositionDocument(result, language)
                document.excludedChildren = history.excludedChanges(from: result.from, to: result.to)
            } catch {
                throw APIError(status: .unprocessableContent, code: "cannot_decompose", message: error.text(language))
            }
        }
        return Response.json(try JSONCoding.encoder.encode(document))
    }
}

/// A unit's history as the API answers it: each year's totals and its children (or areas).
struct UnitHistoryDocument: Codable {
    struct Year: Codable {
        let year: Int
        let energyTce: Double
        let co2T: Double
        let valueAdded: Double?
        let children: [Child]
        /// Energy and CO2 by carrier (coal, oil, gas, electricity, heat), and the CO2 of process emissions.
        var byCarrier: [String: CarrierFigures]?
        var processCo2T: Double?
    }

    struct CarrierFigures: Codable {
        let energyTce: Double
        let co2T: Double
    }

    struct Child: Codable {
        let key: String
        let name: String
        let energyTce: Double
        let co2T: Double
        let valueAdded: Double?
    }

    let unit: String
    let by: String
    var years: [Year]
    var decomposition: RegionalHistoryDocument.DecompositionDocument?
    /// Children without value added in a year they used energy, left out of the decomposition, with
    /// their own change in CO2 (t).
    var excludedChildren: [String: Double]?

    init(_ history: UnitHistory, by: String) {
        unit = history.unitCode
        self.by = by
        years = history.years.keys.sorted().map { year in
            let children = history.years[year]!
            let added = children.compactMap(\.valueAdded)
            return Year(
                year: year, energyTce: children.map(\.energy).reduce(0, +), co2T: children.map(\.co2).reduce(0, +),
                valueAdded: added.isEmpty ? nil : added.reduce(0, +),
                children: children.map {
                    Child(key: $0.key, name: $0.name, energyTce: $0.energy, co2T: $0.co2, valueAdded: $0.valueAdded)
                })
        }
    }
}

extension UnitHistoryDocument {
    mutating func addCarriers(_ carriers: [Int: UnitHistoryStore.CarrierYear]) {
        for index in years.indices {
            guard let figures = carriers[years[index].year] else { continue }
            years[index].byCarrier = Dictionary(
                uniqueKeysWithValues: figures.carriers.map {
                    ($0.key.rawValue, CarrierFigures(energyTce: $0.value.energy, co2T: $0.value.co2))
                })
            years[index].processCo2T = figures.process
        }
    }
}

/// A region's history as the API answers it.
struct RegionalHistoryDocument: Codable {
    struct Year: Codable {
        let year: Int
        let gdp: Double?
        let population: Double?
        let energyTce: Double
        let co2T: Double
        let energyIntensity: Double?
        let carbonIntensity: Double?
        let byArea: [String: AreaFigures]
        let factorIds: [String: [String]]
    }

    struct AreaFigures: Codable {
        let energyTce: Double
        let co2T: Double
        let valueAdded: Double?
    }

    struct DecompositionDocument: Codable {
        let from: Int, to: Int, form: String, chained: Bool
        let startCo2T: Double, endCo2T: Double, totalChange: Double
        let effects: [String: Double]
        let definitions: [String: String]

        init(_ result: Decomposition, _ language: Language) {
            from = result.from
            to = result.to
            form = result.form.rawValue
            chained = result.chained
            startCo2T = result.total.start
            endCo2T = result.total.end
            totalChange = result.total.totalChange
            effects = Dictionary(uniqueKeysWithValues: result.factors.map { ($0.rawValue, result.total.effects[$0] ?? 0) })
            definitions = Dictionary(uniqueKeysWithValues: result.factors.map { ($0.rawValue, $0.definition(language)) })
                .merging(["weight": DecompositionFactor.definitions.text(.weight, language)]) { $1 }
        }
    }

    let region: String
    let years: [Year]
    var decomposition: DecompositionDocument?
    /// Areas without value added, left out of the decomposition, with their change in CO2 (t).
    var excludedAreas: [String: Double]?

    init(history: RegionalHistory, factors: [Int: CarrierFactors]) {
        region = history.regionCode
        years = history.years.keys.sorted().map { year in
            let figures = history.years[year]!
            let co2 = history.co2(year, factors: factors[year]!)
            var byArea: [String: AreaFigures] = [:]
            for (area, energy) in figures.energy {
                byArea[area.rawValue] = AreaFigures(
                    energyTce: energy.values.reduce(0, +), co2T: co2[area]?.values.reduce(0, +) ?? 0,
                    valueAdded: figures.valueAdded[area])
            }
            let totalCO2 = history.totalCO2(year, factors: factors[year]!)
            return Year(
                year: year, gdp: figures.gdp, population: figures.population, energyTce: figures.totalEnergy,
                co2T: totalCO2, energyIntensity: figures.gdp.map { figures.totalEnergy / $0 },
                carbonIntensity: figures.gdp.map { totalCO2 / $0 }, byArea: byArea,
                factorIds: Dictionary(uniqueKeysWithValues: (factors[year]?.basis ?? [:]).map { ($0.key.rawValue, $0.value) }))
        }
    }
}
