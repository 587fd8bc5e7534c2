import Accounting
import Footprint
import Persistence

/// Where a Scope 3 row's factor comes from: a `value_chain` entry of the factor sets, by id (the
/// newest user set first), or a product footprint PeakZero computed for a model the importer may
/// see, as kg CO2e per its declared unit. Each model is computed once per import.
actor Scope3Factors {
    let database: PeakZeroDatabase
    let scope: AccessScope
    let library: FactorLibrary
    var footprints: [Int64: Result<Scope3Factor, Scope3Problem>] = [:]

    init(_ database: PeakZeroDatabase, scope: AccessScope) async throws {
        self.database = database
        self.scope = scope
        library = try await FactorSetStore(database).library()
    }

    func factor(for activity: Scope3Activity) async -> Result<Scope3Factor?, Scope3Problem> {
        if let id = activity.factorID {
            guard let entry = library.entry(id: id) else {
                return .failure(Scope3Problem("factor_id", zh: "因子集中没有编号为 \(id) 的因子", en: "no factor set has a factor with id \(id)"))
            }
            guard let factor = Scope3Factor(entry) else {
                return .failure(Scope3Problem("factor_id", zh: "因子 \(id) 是\(entry.kind.name(in: .zh)),不是价值链(value_chain)因子", en: "factor \(id) is a \(entry.kind.name(in: .en)), not a value_chain factor"))
            }
            return .success(factor)
        }
        if let modelID = activity.footprintModelID {
            if let known = footprints[modelID] { return known.map { $0 } }
            let result = await footprint(modelID)
            footprints[modelID] = result
            return result.map { $0 }
        }
        return .success(nil)
    }

    private func footprint(_ id: Int64) async -> Result<Scope3Factor, Scope3Problem> {
        let missing = Scope3Problem("footprint_model", zh: "没有编号为 \(id) 的碳足迹模型(或无权查看)", en: "there is no footprint model \(id) (or it is not yours to see)")
        guard let stored = try? await FootprintModelStore(database).model(id: id),
            let visible = try? await scope.unitIDs(codes: [stored.unitCode], in: database), !visible.isEmpty
        else { return .failure(missing) }
        let model = stored.model
        let basis: ValueChainBasis
        switch model.declaredUnit.unit {
        case .measure(let unit): basis = .physical(unit)
        case .items: basis = .count
        case .tonneKilometres: basis = .freight
        case .litres:
            return .failure(Scope3Problem("footprint_model", zh: "碳足迹模型 \(id) 按升声明,范围三活动量不能用升", en: "footprint model \(id) is declared per litre, which Scope 3 quantities cannot use"))
        }
        do {
            let factors = LibraryFactors(library: library, gwp: .ar6)
            let result = try FootprintCalculation(SystemMatrices.build(model, factors: factors)).result()
            let rate = ValueChainRate(result.total / model.declaredUnit.amount, .kilogramCO2e, per: basis)
            return .success(
                Scope3Factor(
                    reference: "footprint:\(id)", rate: rate,
                    source: "PeakZero footprint model \(id) “\(stored.name)” (\(stored.unitCode), AR6)", priceYear: nil))
        } catch {
            return .failure(Scope3Problem("footprint_model", zh: "碳足迹模型 \(id) 无法计算,请先在碳足迹页面修正", en: "footprint model \(id) cannot be computed; correct it on its footprint page first"))
        }
    }
}
