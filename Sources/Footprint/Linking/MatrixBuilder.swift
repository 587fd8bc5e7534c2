import Accounting
import SparseLU

/// The work of `SystemMatrices.build`: columns from outputs and allocation, then each exchange into
/// a triplet of A or B, checked on the way.
struct MatrixBuilder {
    let model: ProductModel
    let factors: any FootprintFactors

    private var problems: [FootprintProblem] = []
    private var notes: [FootprintProblem] = []
    private var columns: [SystemMatrices.Column] = []
    /// Column of (process id, product); the reference product also under (id, "").
    private var columnOf: [String: [String: Int]] = [:]
    private var flows: [SystemMatrices.Flow] = []
    private var flowOf: [String: Int] = [:]
    private var technosphere: [(row: Int, column: Int, value: Double)] = []
    private var interventions: [(row: Int, column: Int, value: Double)] = []
    /// The model's own background factors, checked.
    private var ownFactors: [String: (factor: CitedFactor, unit: FlowUnit)] = [:]
    private var pending:
        [(inTechnosphere: Bool, row: Int, column: Int, amount: Double, scale: Double, uncertainty: Uncertainty)] = []

    init(model: ProductModel, factors: any FootprintFactors) {
        self.model = model
        self.factors = factors
    }

    mutating func build() throws(FootprintProblems) -> SystemMatrices {
        guard !model.processes.isEmpty else {
            throw FootprintProblems(problems: [FootprintProblem(process: nil, kind: .noProcesses)])
        }
        makeColumns()
        readOwnFactors()
        guard problems.isEmpty else { throw FootprintProblems(problems: problems) }
        for (index, process) in model.processes.enumerated() { addExchanges(of: process, index: index) }
        let demand = declaredDemand()
        problems += model.battery?.problems ?? []
        guard problems.isEmpty, let demand else { throw FootprintProblems(problems: problems) }

        let n = columns.count
        let a: SparseMatrix
        let b: SparseMatrix
        do {
            for (c, column) in columns.enumerated() { technosphere.append((c, c, column.output)) }
            a = try SparseMatrix(rowCount: n, columnCount: n, triplets: technosphere)
            b = try SparseMatrix(rowCount: flows.count, columnCount: n, triplets: interventions)
        } catch {
            throw FootprintProblems(problems: [FootprintProblem(process: nil, kind: .notFinite)])
        }
        let uncertain = pending.map { entry in
            let matrix = entry.inTechnosphere ? a : b
            let place = matrix.position(row: entry.row, column: entry.column)!
            return SystemMatrices.UncertainEntry(
                inTechnosphere: entry.inTechnosphere, position: place, amount: entry.amount, scale: entry.scale,
                uncertainty: entry.uncertainty)
        }
        return SystemMatrices(
            columns: columns, flows: flows, technosphere: a, interventions: b,
            characterisation: flows.map { $0.factor?.value ?? 0 }, demand: demand.vector,
            declaredColumn: demand.column, notes: notes, uncertain: uncertain)
    }

    // MARK: Columns

    private func outputs(of process: ProcessModel) -> [ProductOutput] { [process.output] + process.coproducts }

    private mutating func makeColumns() {
        var seen: Set<String> = []
        for (index, process) in model.processes.enumerated() {
            guard seen.insert(process.id).inserted else {
                problems.append(
                    FootprintProblem(process: process.id, kind: .duplicateProcess, arguments: ["id": process.id]))
                continue
            }
            for (place, output) in outputs(of: process).enumerated() {
                let name = place == 0 ? "output" : "coproducts[\(place)]"
                guard checkAmount(output.amount, process: process.id, exchange: name) else { continue }
                if output.amount <= 0 {
                    problems.append(FootprintProblem(process: process.id, exchange: name, kind: .negativeOutput))
                }
            }
            guard let shares = shares(of: process) else { continue }
            let producing =
                process.coproducts.isEmpty || process.allocation == .substitution
                ? [process.output] : outputs(of: process)
            for (place, output) in producing.enumerated() {
                columnOf[process.id, default: [:]][output.product] = columns.count
                if place == 0 { columnOf[process.id, default: [:]][""] = columns.count }
                columns.append(
                    SystemMatrices.Column(
                        process: index, processID: process.id, product: output.product, unit: output.unit,
                        output: output.amount, share: shares[place], stage: process.stage))
            }
        }
    }

    /// Each producing column's share of the process's burdens.
    private mutating func shares(of process: ProcessModel) -> [Double]? {
        let all = outputs(of: process)
        guard !process.coproducts.isEmpty else { return [1] }
        switch process.allocation {
        case nil:
            problems.append(FootprintProblem(process: process.id, exchange: "allocation", kind: .allocationMissing))
            return nil
        case .substitution:
            return [1]
        case .factors(let given):
            let total = given.reduce(0, +)
            guard given.count == all.count, given.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(total - 1) < 1e-9 else {
                problems.append(
                    FootprintProblem(
                        process: process.id, exchange: "allocation", kind: .allocationFactors,
                        arguments: ["count": "\(all.count)"]))
                return nil
            }
            return given
        case .physical:
            let base = all.map { output in output.unit.factor(to: process.output.unit).map { output.amount * $0 } }
            guard base.allSatisfy({ $0 != nil }) else {
                problems.append(
                    FootprintProblem(process: process.id, exchange: "allocation", kind: .allocationNotPhysical))
                return nil
            }
            let total = base.reduce(0) { $0 + $1! }
            return base.map { $0! / total }
        case .economic:
            let values = all.map { output in output.price.map { $0 * output.amount } }
            guard values.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }), values.reduce(0, { $0 + $1! }) > 0
            else {
                problems.append(FootprintProblem(process: process.id, exchange: "allocation", kind: .allocationPrices))
                return nil
            }
            let total = values.reduce(0) { $0 + $1! }
            return values.map { $0! / total }
        }
    }

    // MARK: Exchanges

    private mutating func addExchanges(of process: ProcessModel, index: Int) {
        let producing = columns.indices.filter { columns[$0].process == index }
        for (place, input) in process.inputs.enumerated() {
            let name = "inputs[\(place + 1)]"
            guard checkAmount(input.amount, process: process.id, exchange: name),
                checkUncertainty(input.uncertainty, input.amount, process: process.id, exchange: name),
                let provider = providerColumn(input.provider, input.product, process: process.id, exchange: name),
                let conversion = convert(
                    input.unit, to: columns[provider].unit, product: columns[provider].product, process: process.id,
                    exchange: name)
            else { continue }
            for column in producing {
                add(
                    true, row: provider, column: column, amount: input.amount,
                    scale: -conversion * columns[column].share, input.uncertainty)
            }
        }
        if process.allocation == .substitution {
            for (place, coproduct) in process.coproducts.enumerated() {
                let name = "coproducts[\(place + 1)]"
                guard let displaced = coproduct.displaces, let target = columnOf[displaced]?[""],
                    target != producing[0]
                else {
                    problems.append(
                        FootprintProblem(
                            process: process.id, exchange: name, kind: .unknownDisplaced,
                            arguments: ["provider": coproduct.displaces ?? "—", "product": coproduct.product]))
                    continue
                }
                guard
                    let conversion = convert(
                        coproduct.unit, to: columns[target].unit, product: columns[target].product, process: process.id,
                        exchange: name)
                else { continue }
                // The co-product is made here too: the displaced process runs that much less.
                add(true, row: target, column: producing[0], amount: coproduct.amount, scale: conversion, nil)
            }
        }
        for (place, emission) in process.emissions.enumerated() {
            let name = "emissions[\(place + 1)]"
            guard checkAmount(emission.amount, process: process.id, exchange: name),
                checkUncertainty(emission.uncertainty, emission.amount, process: process.id, exchange: name),
                let (row, conversion) = emissionRow(emission, process: process.id, exchange: name)
            else { continue }
            for column in producing {
                add(
                    false, row: row, column: column, amount: emission.amount, scale: conversion * columns[column].share,
                    emission.uncertainty)
            }
        }
        for (place, input) in process.background.enumerated() {
            let name = "background[\(place + 1)]"
            guard checkAmount(input.amount, process: process.id, exchange: name),
                checkUncertainty(input.uncertainty, input.amount, process: process.id, exchange: name)
            else { continue }
            guard let (factor, unit) = ownFactors[input.factor] ?? factors.background(input.factor) else {
                problems.append(
                    FootprintProblem(
                        process: process.id, exchange: name, kind: .unknownFactor, arguments: ["factor": input.factor]))
                continue
            }
            guard
                let conversion = convert(
                    input.unit, to: unit, product: input.factor, process: process.id, exchange: name)
            else { continue }
            let row = flowRow(
                "background:\(input.factor)",
                SystemMatrices.Flow(kind: .background(input.factor), unit: unit, factor: factor))
            for column in producing {
                add(
                    false, row: row, column: column, amount: input.amount, scale: conversion * columns[column].share,
                    input.uncertainty)
            }
        }
        for (place, input) in process.electricity.enumerated() {
            let name = "electricity[\(place + 1)]"
            guard checkAmount(input.amount, process: process.id, exchange: name),
                checkUncertainty(input.uncertainty, input.amount, process: process.id, exchange: name),
                let row = gridRow(input, process: process.id, exchange: name),
                let conversion = convert(
                    input.unit, to: .measure(.energy(.kilowattHour)), product: "electricity", process: process.id,
                    exchange: name)
            else { continue }
            for column in producing {
                add(
                    false, row: row, column: column, amount: input.amount, scale: conversion * columns[column].share,
                    input.uncertainty)
            }
        }
    }

    private mutating func add(
        _ inTechnosphere: Bool, row: Int, column: Int, amount: Double, scale: Double, _ uncertainty: Uncertainty?
    ) {
        let value = amount * scale
        if inTechnosphere {
            technosphere.append((row, column, value))
        } else {
            interventions.append((row, column, value))
        }
        guard let uncertainty else { return }
        let normalised: Uncertainty =
            if case .pedigree(let scores) = uncertainty { .lognormal(gsd: scores.gsd) } else { uncertainty }
        pending.append((inTechnosphere, row, column, amount, scale, normalised))
    }

    private mutating func providerColumn(_ provider: String, _ product: String?, process: String, exchange: String)
        -> Int?
    {
        guard let products = columnOf[provider] else {
            problems.append(
                FootprintProblem(
                    process: process, exchange: exchange, kind: .unknownProvider, arguments: ["provider": provider]))
            return nil
        }
        guard let column = products[product ?? ""] else {
            problems.append(
                FootprintProblem(
                    process: process, exchange: exchange, kind: .unknownProduct,
                    arguments: ["provider": provider, "product": product ?? ""]))
            return nil
        }
        return column
    }

    private mutating func emissionRow(_ emission: Emission, process: String, exchange: String) -> (Int, Double)? {
        if let factor = factors.warmingPotential(of: emission.flow) {
            let kilogram = FlowUnit.measure(.mass(.kilogram))
            guard
                let conversion = convert(
                    emission.unit, to: kilogram, product: emission.flow, process: process, exchange: exchange)
            else { return nil }
            return (
                flowRow(
                    "gas:\(factor.id)", SystemMatrices.Flow(kind: .gas(emission.flow), unit: kilogram, factor: factor)),
                conversion
            )
        }
        if GasSpecies(rawValue: emission.flow) != nil {
            notes.append(
                FootprintProblem(
                    process: process, exchange: exchange, kind: .noGWP,
                    arguments: ["flow": emission.flow, "set": factors.gwpSetName]))
        }
        let key = "other:\(emission.flow)"
        let unit = flowOf[key].map { flows[$0].unit } ?? emission.unit
        guard
            let conversion = convert(
                emission.unit, to: unit, product: emission.flow, process: process, exchange: exchange)
        else { return nil }
        return (flowRow(key, SystemMatrices.Flow(kind: .other(emission.flow), unit: unit, factor: nil)), conversion)
    }

    private mutating func gridRow(_ input: ElectricityInput, process: String, exchange: String) -> Int? {
        guard input.province.count == 2, input.province.allSatisfy(\.isASCII), Int(input.province) != nil else {
            problems.append(FootprintProblem(process: process, exchange: "\(exchange).province", kind: .badProvince))
            return nil
        }
        let loss = input.transmissionLoss ?? 0
        guard loss.isFinite, loss >= 0, loss < 1 else {
            problems.append(
                FootprintProblem(process: process, exchange: "\(exchange).transmission_loss", kind: .badLoss))
            return nil
        }
        guard let grid = factors.gridElectricity(province: input.province, year: input.year) else {
            problems.append(
                FootprintProblem(
                    process: process, exchange: exchange, kind: .noGridFactor,
                    arguments: ["province": input.province, "year": "\(input.year)"]))
            return nil
        }
        let factor = CitedFactor(value: grid.value / (1 - loss), id: grid.id, source: grid.source, year: grid.year)
        return flowRow(
            "grid:\(input.province):\(input.year):\(loss)",
            SystemMatrices.Flow(
                kind: .grid(province: input.province, year: input.year), unit: .measure(.energy(.kilowattHour)),
                factor: factor))
    }

    private mutating func flowRow(_ key: String, _ flow: SystemMatrices.Flow) -> Int {
        if let row = flowOf[key] { return row }
        flowOf[key] = flows.count
        flows.append(flow)
        return flows.count - 1
    }

    private mutating func readOwnFactors() {
        for (place, entry) in (model.backgroundFactors ?? []).enumerated() {
            let name = "background_factors[\(place + 1)]"
            guard checkAmount(entry.value, process: nil, exchange: name) else { continue }
            guard let (scale, unit) = BackgroundFactorSet.perUnit(entry.unit) else {
                problems.append(
                    FootprintProblem(
                        process: nil, exchange: "\(name).unit", kind: .unitMismatch,
                        arguments: [
                            "unit": entry.unit, "dimension": "?", "product": entry.id, "expected": "kgCO2e/…",
                            "expectedDimension": "kgCO2e",
                        ]))
                continue
            }
            guard !entry.source.trimmingCharacters(in: .whitespaces).isEmpty else {
                problems.append(FootprintProblem(process: nil, exchange: "\(name).source", kind: .missingSource))
                continue
            }
            ownFactors[entry.id] = (
                CitedFactor(value: entry.value * scale, id: entry.id, source: entry.source, year: entry.year), unit
            )
        }
    }

    // MARK: Checks

    private mutating func checkAmount(_ amount: Double, process: String?, exchange: String) -> Bool {
        guard amount.isFinite else {
            problems.append(FootprintProblem(process: process, exchange: exchange, kind: .notFinite))
            return false
        }
        guard abs(amount) <= Plausible.largestAmount else {
            problems.append(FootprintProblem(process: process, exchange: exchange, kind: .beyondPlausible))
            return false
        }
        return true
    }

    private mutating func checkUncertainty(
        _ uncertainty: Uncertainty?, _ amount: Double, process: String, exchange: String
    ) -> Bool {
        guard let uncertainty, let kind = uncertainty.problem(around: amount) else { return true }
        problems.append(
            FootprintProblem(
                process: process, exchange: "\(exchange).uncertainty", kind: kind, arguments: ["amount": "\(amount)"]))
        return false
    }

    private mutating func convert(
        _ unit: FlowUnit, to target: FlowUnit, product: String, process: String, exchange: String
    ) -> Double? {
        if let factor = unit.factor(to: target) { return factor }
        problems.append(
            FootprintProblem(
                process: process, exchange: exchange, kind: .unitMismatch,
                arguments: [
                    "unit": unit.symbol, "dimension": unit.dimension, "product": product, "expected": target.symbol,
                    "expectedDimension": target.dimension,
                ]))
        return nil
    }

    private mutating func declaredDemand() -> (column: Int, vector: [Double])? {
        let declared = model.declaredUnit
        guard declared.amount.isFinite, declared.amount > 0, declared.amount <= Plausible.largestAmount,
            let column = columnOf[declared.process]?[declared.product ?? ""]
        else {
            problems.append(FootprintProblem(process: nil, exchange: "declared_unit", kind: .declaredUnit))
            return nil
        }
        guard
            let conversion = convert(
                declared.unit, to: columns[column].unit, product: columns[column].product, process: declared.process,
                exchange: "declared_unit")
        else { return nil }
        var vector = [Double](repeating: 0, count: columns.count)
        vector[column] = declared.amount * conversion
        return (column, vector)
    }
}
