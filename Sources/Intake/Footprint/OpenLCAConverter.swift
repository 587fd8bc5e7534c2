import Accounting
import Footprint
import Foundation

/// Turns the decoded entities of an openLCA export into a `ProductModel`, gathering every problem
/// (the rules are `OpenLCAImport`'s).
struct OpenLCAConverter {
    let entities: Entities
    let file: String
    let gases = GreenhouseGasFlows.bundled
    private var issues: [InputIssue] = []
    /// Elementary flows that are no greenhouse gas and whose unit PeakZero lacks, by unit.
    private var leftOut: [String: Int] = [:]
    private var keptApart: Set<String> = []
    /// Each process's archive entry, where the model's check reports its problems.
    private var places: [String: InputIssue] = [:]

    init(entities: Entities, file: String) {
        self.entities = entities
        self.file = file
    }

    /// What a process makes, by flow id: nil for its reference product, else the co-product's name.
    private typealias Outputs = [String: String?]

    mutating func model(productSystem: String?) throws(InputIssues) -> ImportedModel {
        let system = try chosenSystem(productSystem)
        var included = (system?.processes ?? []).compactMap(\.id).filter { entities.processes[$0] != nil }
        if included.isEmpty { included = Array(entities.processes.keys) }
        included = Array(Set(included)).sorted { (label($0), $0) < (label($1), $1) }
        let inModel = Set(included)
        var links: [String: [Int: String]] = [:]
        for link in system?.processLinks ?? [] {
            guard let process = link.process?.id, let id = link.exchange?.internalId, let provider = link.provider?.id
            else { continue }
            links[process, default: [:]][id] = provider
        }
        var outputs: [String: Outputs] = [:]
        for id in included { outputs[id] = Self.outputs(of: entities.processes[id]!.0, flows: entities.flows) }
        var processes: [ProcessModel] = []
        for id in included {
            let (process, path) = entities.processes[id]!
            if let converted = convert(
                process, path: path, links: links[id] ?? [:], outputs: outputs, inModel: inModel)
            {
                processes.append(converted)
            }
        }
        let declared = declaredUnit(system, processes: processes, outputs: outputs)
        guard issues.isEmpty, let declared else { throw InputIssues(issues) }
        let name = system?.name ?? processes.first { $0.id == declared.process }?.name ?? file
        let model = ProductModel(
            name: name, declaredUnit: declared, boundary: .cradleToGate, processes: processes)
        return ImportedModel(model: model, file: file, notes: notes(), places: places)
    }

    // MARK: The product system and the declared unit

    private func chosenSystem(_ wanted: String?) throws(InputIssues) -> OpenLCASchema.ProductSystem? {
        let systems = entities.productSystems.sorted { ($0.name ?? $0.id) < ($1.name ?? $1.id) }
        let names = systems.map { $0.name ?? $0.id }.joined(separator: ", ")
        if let wanted {
            guard let system = systems.first(where: { $0.name == wanted || $0.id == wanted }) else {
                throw InputIssues([
                    OpenLCAProblem(kind: .noSuchSystem, arguments: ["name": wanted, "names": names]).issue(
                        file: file, entry: nil)
                ])
            }
            return system
        }
        guard systems.count <= 1 else {
            throw InputIssues([
                OpenLCAProblem(kind: .severalSystems, arguments: ["names": names]).issue(file: file, entry: nil)
            ])
        }
        return systems.first
    }

    private mutating func declaredUnit(
        _ system: OpenLCASchema.ProductSystem?, processes: [ProcessModel], outputs: [String: Outputs]
    ) -> DeclaredUnit? {
        if let system {
            guard let id = system.refProcess?.id, let process = processes.first(where: { $0.id == id }) else {
                if !issues.isEmpty { return nil }
                issues.append(problem(.systemReference, arguments: ["system": system.name ?? system.id]))
                return nil
            }
            let (source, _) = entities.processes[id]!
            let exchange = (source.exchanges ?? []).first { $0.internalId == system.refExchange?.internalId }
            let product = exchange?.flow?.id.flatMap { outputs[id]?[$0] } ?? nil
            let unit = system.targetUnit?.name.flatMap(Self.flowUnit) ?? (product == nil
                ? process.output.unit : process.coproducts.first { $0.product == product }?.unit ?? process.output.unit)
            return DeclaredUnit(process: id, product: product, amount: system.targetAmount ?? 1, unit: unit)
        }
        let taken = Set(processes.flatMap { $0.inputs.map(\.provider) })
        let roots = processes.filter { !taken.contains($0.id) }
        guard roots.count == 1, let root = roots.first else {
            if !issues.isEmpty { return nil }
            issues.append(
                roots.isEmpty
                    ? problem(.noRoot)
                    : problem(.severalRoots, arguments: ["names": roots.prefix(5).map(\.name).joined(separator: ", ")]))
            return nil
        }
        return DeclaredUnit(process: root.id, amount: root.output.amount, unit: root.output.unit)
    }

    // MARK: One process

    private static func outputs(of process: OpenLCASchema.Process, flows: [String: OpenLCASchema.Flow]) -> Outputs {
        var outputs: Outputs = [:]
        for exchange in process.exchanges ?? [] {
            guard let id = exchange.flow?.id else { continue }
            let type = flows[id]?.flowType ?? "PRODUCT_FLOW"
            if exchange.isQuantitativeReference {
                outputs[id] = .some(nil)
            } else if type == "PRODUCT_FLOW", !exchange.isInput, !exchange.isAvoidedProduct, outputs[id] == nil {
                outputs[id] = .some(exchange.flow?.name ?? id)
            }
        }
        return outputs
    }

    private func label(_ id: String) -> String {
        guard let (process, _) = entities.processes[id] else { return id }
        let name = process.name ?? id
        guard let location = process.location?.name, !location.isEmpty else { return name }
        return "\(name) (\(location))"
    }

    private mutating func convert(
        _ process: OpenLCASchema.Process, path: String, links: [Int: String], outputs: [String: Outputs],
        inModel: Set<String>
    ) -> ProcessModel? {
        let before = issues.count
        let exchanges = process.exchanges ?? []
        let name = label(process.id)
        let at = ExchangePlace(process: name, entry: path)
        guard let reference = exchanges.firstIndex(where: \.isQuantitativeReference) else {
            issues.append(at.problem(.noReference, file: file))
            return nil
        }
        var output: ProductOutput?
        var coproducts: [ProductOutput] = []
        var inputs: [ProductInput] = [], emissions: [Emission] = []
        // The products' flows, the reference product first: the order allocation factors take.
        var products = [exchanges[reference].flow?.id ?? ""]
        for (index, exchange) in exchanges.enumerated() {
            let place = at.exchange(index, exchange.flow?.name)
            guard let flowID = exchange.flow?.id, let flow = entities.flows[flowID] else {
                issues.append(place.problem(.noFlow, file: file, ["flow": exchange.flow?.name ?? "—"]))
                continue
            }
            let flowName = flow.name ?? flowID
            let type = flow.flowType ?? "PRODUCT_FLOW"
            if type == "ELEMENTARY_FLOW" {
                if index == reference { issues.append(place.problem(.referenceNotProduct, file: file)) }
                if let emission = elementary(exchange, flow: flow, place: place) { emissions.append(emission) }
                continue
            }
            guard let unit = unit(of: exchange, flow: flow, place: place) else { continue }
            let uncertainty = uncertainty(exchange.uncertainty, negated: exchange.isAvoidedProduct, place: place)
            let waste = type == "WASTE_FLOW"
            if index == reference {
                // A product made, or a waste treated: either way what this process provides.
                if waste == exchange.isInput {
                    output = ProductOutput(product: flowName, amount: exchange.amount, unit: unit)
                } else {
                    issues.append(place.problem(.referenceNotProduct, file: file))
                }
            } else if !waste, !exchange.isInput, !exchange.isAvoidedProduct {
                coproducts.append(ProductOutput(product: flowName, amount: exchange.amount, unit: unit))
                products.append(flowID)
            } else if waste, exchange.isInput {
                issues.append(place.problem(.wasteInput, file: file))
            } else if let input = link(
                exchange, flowID: flowID, flowName: flowName, unit: unit, uncertainty: uncertainty, place: place,
                provider: exchange.internalId.flatMap { links[$0] } ?? exchange.defaultProvider?.id, outputs: outputs,
                inModel: inModel)
            {
                inputs.append(input)
            }
        }
        let allocation = coproducts.isEmpty ? nil : allocation(of: process, products: products, place: at)
        guard issues.count == before, let output else { return nil }
        // The check names a process's exchanges by PeakZero's lists; the entry is where to look.
        let entry = InputIssue(file: "\(file)/\(path)", problem: .missingValue)
        func labels(_ list: String, _ count: Int) -> [String] { (0..<count).map { "\(list)[\($0 + 1)]" } }
        let exchangeLabels =
            ["output"] + labels("coproducts", coproducts.count) + labels("inputs", inputs.count)
            + labels("emissions", emissions.count)
        for label in exchangeLabels {
            places[ImportedModel.key(process: process.id, exchange: label)] = entry
        }
        return ProcessModel(
            id: process.id, name: name, stage: .production, output: output, coproducts: coproducts,
            allocation: allocation, inputs: inputs, emissions: emissions)
    }

    /// A product input (or an avoided product, or a waste sent for treatment) from its provider.
    private mutating func link(
        _ exchange: OpenLCASchema.Exchange, flowID: String, flowName: String, unit: FlowUnit,
        uncertainty: Uncertainty?, place: ExchangePlace, provider: String?, outputs: [String: Outputs],
        inModel: Set<String>
    ) -> ProductInput? {
        guard let provider else {
            issues.append(place.problem(.noProvider, file: file, ["flow": flowName]))
            return nil
        }
        guard inModel.contains(provider), let made = outputs[provider] else {
            issues.append(place.problem(.providerOutside, file: file, ["provider": provider]))
            return nil
        }
        guard let product = made[flowID] else {
            issues.append(place.problem(.providerLacksFlow, file: file, ["provider": label(provider), "flow": flowName]))
            return nil
        }
        return ProductInput(
            provider: provider, product: product, amount: exchange.isAvoidedProduct ? -exchange.amount : exchange.amount,
            unit: unit, uncertainty: uncertainty)
    }

    /// A greenhouse gas by its CAS number; another elementary flow kept when its unit is known.
    private mutating func elementary(
        _ exchange: OpenLCASchema.Exchange, flow: OpenLCASchema.Flow, place: ExchangePlace
    ) -> Emission? {
        let name = flow.name ?? flow.id
        let signed = exchange.isInput ? -exchange.amount : exchange.amount
        switch gases.match(cas: flow.cas, name: name) {
        case .gas(let gas):
            guard let unit = unit(of: exchange, flow: flow, place: place) else { return nil }
            return Emission(
                flow: gas, amount: signed, unit: unit,
                uncertainty: uncertainty(exchange.uncertainty, negated: exchange.isInput, place: place))
        case .keptApart, .other:
            let unitName = exchange.unit?.name ?? ""
            guard let unit = Self.flowUnit(unitName) else {
                leftOut[unitName.isEmpty ? "—" : unitName, default: 0] += 1
                return nil
            }
            if case .keptApart = gases.match(cas: flow.cas, name: name) { keptApart.insert(name) }
            return Emission(
                flow: name, amount: signed, unit: unit,
                uncertainty: uncertainty(exchange.uncertainty, negated: exchange.isInput, place: place))
        }
    }

    /// The exchange's unit, checked to belong to the unit group of the flow property it is given in.
    private mutating func unit(
        of exchange: OpenLCASchema.Exchange, flow: OpenLCASchema.Flow, place: ExchangePlace
    ) -> FlowUnit? {
        let name = exchange.unit?.name ?? ""
        if let property = exchange.flowProperty?.id ?? flow.referenceProperty,
            let groupID = entities.flowProperties[property]?.unitGroup?.id,
            let group = entities.unitGroups[groupID],
            !(group.units ?? []).contains(where: { $0.name == name })
        {
            issues.append(
                place.problem(
                    .unitNotOfFlow, file: file,
                    ["unit": name, "flow": flow.name ?? flow.id, "group": group.name ?? group.id]))
            return nil
        }
        guard let unit = Self.flowUnit(name) else {
            issues.append(place.problem(.unknownUnit, file: file, ["unit": name]))
            return nil
        }
        return unit
    }

    /// openLCA's unit names as PeakZero reads them (`p` and `Item(s)` are pieces).
    static func flowUnit(_ name: String) -> FlowUnit? {
        switch name {
        case "p", "Item(s)", "item(s)": .items
        default: FlowUnit(parsing: name)
        }
    }

    private mutating func uncertainty(
        _ given: OpenLCASchema.Uncertainty?, negated: Bool, place: ExchangePlace
    ) -> Uncertainty? {
        guard let given, let type = given.distributionType, type != "NO_DISTRIBUTION" else { return nil }
        func range(_ make: (Double, Double) -> Uncertainty) -> Uncertainty? {
            guard let low = given.minimum, let high = given.maximum else { return nil }
            return negated ? make(-high, -low) : make(low, high)
        }
        let converted: Uncertainty? =
            switch type {
            case "LOG_NORMAL_DISTRIBUTION": given.geomSd.map { .lognormal(gsd: $0) }
            case "NORMAL_DISTRIBUTION": given.sd.map { .normal(sd: $0) }
            case "TRIANGLE_DISTRIBUTION": range { .triangular(min: $0, max: $1) }
            case "UNIFORM_DISTRIBUTION": range { .uniform(min: $0, max: $1) }
            default: nil
            }
        if converted == nil { issues.append(place.problem(.badUncertainty, file: file, ["distribution": type])) }
        return converted
    }

    /// The stored factors of the process's default allocation method, in the order of `products`
    /// (reference product first); nil when a product has none (the model's check then says so).
    private mutating func allocation(
        of process: OpenLCASchema.Process, products ordered: [String], place: ExchangePlace
    ) -> Allocation? {
        guard let method = process.defaultAllocationMethod, method != "NO_ALLOCATION" else { return nil }
        guard method != "CAUSAL_ALLOCATION" else {
            issues.append(place.problem(.causalAllocation, file: file))
            return nil
        }
        var factors: [String: Double] = [:]
        for factor in process.allocationFactors ?? []
        where factor.allocationType == method && factor.exchange == nil {
            if let product = factor.product?.id, let value = factor.value { factors[product] = value }
        }
        let values = ordered.compactMap { factors[$0] }
        return values.count == ordered.count ? .factors(values) : nil
    }

    // MARK: Messages

    private func problem(_ kind: OpenLCAProblem.Kind, arguments: [String: String] = [:]) -> InputIssue {
        OpenLCAProblem(kind: kind, arguments: arguments).issue(file: file, entry: nil)
    }

    private func notes() -> [(zh: String, en: String)] {
        var notes: [(zh: String, en: String)] = [
            (
                "openLCA 没有生命周期阶段：所有过程已设为“生产”阶段，请逐一设定",
                "openLCA has no life-cycle stages: every process was put in the production stage; set each one"
            )
        ]
        if !keptApart.isEmpty {
            let names = keptApart.sorted().joined(separator: "、")
            notes.append(
                (
                    "生物源二氧化碳(\(names))保留在清单中，单独报告，不计入总量",
                    "biogenic carbon dioxide (\(names)) is kept in the inventory and reported apart, outside the total"
                ))
        }
        if !leftOut.isEmpty {
            let list = leftOut.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", ")
            notes.append(
                (
                    "未导入非温室气体的基本流(PeakZero 无此计量单位)：\(list)",
                    "elementary flows that are no greenhouse gas and whose units PeakZero lacks were left out: \(list)"
                ))
        }
        return notes
    }
}

/// Where an exchange is, for messages: its process and its place in the process's list.
struct ExchangePlace {
    let process: String
    let entry: String
    var exchange: String?

    func exchange(_ index: Int, _ flow: String?) -> ExchangePlace {
        var place = self
        place.exchange = "exchanges[\(index + 1)]" + (flow.map { " (\($0))" } ?? "")
        return place
    }

    func problem(_ kind: OpenLCAProblem.Kind, file: String, _ arguments: [String: String] = [:]) -> InputIssue {
        OpenLCAProblem(kind: kind, process: process, exchange: exchange, arguments: arguments).issue(
            file: file, entry: entry)
    }
}
