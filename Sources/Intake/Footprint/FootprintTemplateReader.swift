import Accounting
import Footprint

/// Reads the product model template's rows (`FootprintTemplate`): each cell first, then the
/// records put together — processes by their output rows, exchanges to their process, allocation
/// from the products' rows — keeping where each came from.
struct FootprintTemplateReader {
    typealias Record = FootprintTemplate.Record

    let file: String
    private var rows: [(TableRow, Record)] = []
    private var issues: [InputIssue] = []
    private var places: [String: InputIssue] = [:]

    init(file: String) { self.file = file }

    mutating func read(_ row: TableRow) {
        if let extra = row.extraFieldIssue { issues.append(extra) }
        let text = row.text("record")
        guard !text.isEmpty else { return issues.append(row.issue("record", .missingValue)) }
        guard let record = Record(naming: text) else {
            return issues.append(row.issue("record", .notOneOf(text, allowed: Record.allCases.map(\.rawValue))))
        }
        rows.append((row, record))
    }

    // MARK: Putting the model together

    private struct Draft {
        var process: ProcessModel
        var row: TableRow
        var allocation: String?
        /// Allocation factors and their rows: the output's first, then each co-product's.
        var factors: [(Double?, TableRow)]
    }

    mutating func model() throws(InputIssues) -> ImportedModel {
        var header: (TableRow, String, DeclaredUnit, SystemBoundary, String?)?
        var modelRows = 0
        var battery: BatteryRating?
        var backgroundFactors: [BackgroundFactorEntry] = []
        var drafts: [String: Draft] = [:], order: [String] = []
        for (row, record) in rows {
            switch record {
            case .model:
                modelRows += 1
                if let first = header?.0 { issues.append(row.issue("record", .duplicateRow(firstRow: first.number))) }
                if let read = modelRow(row) { header = (row, read.0, read.1, read.2, read.3) }
                place(row, process: nil, "declared_unit")
            case .battery:
                battery = batteryRow(row)
                place(row, process: nil, "battery")
            case .factor:
                if let entry = factorRow(row) {
                    backgroundFactors.append(entry)
                    place(row, process: nil, "background_factors[\(backgroundFactors.count)]")
                }
            case .output:
                guard let (process, allocation, factor) = outputRow(row) else {
                    // Its exchanges are still read, for their own cells' problems.
                    let id = row.text("process")
                    if !id.isEmpty, drafts[id] == nil {
                        drafts[id] = Draft(process: Self.placeholder(id), row: row, allocation: nil, factors: [])
                    }
                    continue
                }
                if let first = drafts[process.id] {
                    issues.append(row.issue("process", .duplicateID(process.id, firstRow: first.row.number)))
                    continue
                }
                drafts[process.id] = Draft(process: process, row: row, allocation: allocation, factors: [(factor, row)])
                order.append(process.id)
                place(row, process: process.id, "output")
            default: continue
            }
        }
        for (row, record) in rows where ![.model, .battery, .factor, .output].contains(record) {
            let id = row.text("process")
            guard !id.isEmpty else {
                issues.append(row.issue("process", .missingValue))
                continue
            }
            guard var draft = drafts[id] else {
                issues.append(
                    row.issue(
                        "process",
                        .composed(
                            zh: "过程 \(Problem.quoted(id, .zh)) 没有产出(output)行", en: "process \(Problem.quoted(id, .en)) has no output row")))
                continue
            }
            exchange(row, record, into: &draft)
            drafts[id] = draft
        }
        var processes: [ProcessModel] = []
        for id in order {
            guard var draft = drafts[id] else { continue }
            draft.process.allocation = allocation(draft)
            processes.append(draft.process)
        }
        if modelRows == 0 {
            issues.append(
                InputIssue(file: file, problem: .composed(zh: "模板中没有模型(model)行", en: "the template has no model row")))
        }
        guard issues.isEmpty, let (_, name, declared, boundary, cutOff) = header else {
            throw InputIssues(issues.sorted(by: InputIssue.spreadsheetOrder))
        }
        let model = ProductModel(
            name: name, declaredUnit: declared, boundary: boundary, processes: processes, cutOff: cutOff,
            battery: battery, backgroundFactors: backgroundFactors.isEmpty ? nil : backgroundFactors)
        return ImportedModel(model: model, file: file, places: places)
    }

    /// A process whose output row has a problem, so that its other rows are still read.
    private static func placeholder(_ id: String) -> ProcessModel {
        ProcessModel(id: id, name: id, stage: .production, output: ProductOutput(product: id, amount: 1, unit: .items))
    }

    /// Remembers a row as where a process or exchange came from.
    private mutating func place(_ row: TableRow, process: String?, _ exchange: String) {
        var issue = row.issue("record", .missingValue)
        issue.column = nil
        issue.columnLetter = nil
        places[ImportedModel.key(process: process, exchange: exchange)] = issue
    }

    // MARK: Records

    private mutating func modelRow(_ row: TableRow) -> (String, DeclaredUnit, SystemBoundary, String?)? {
        let before = issues.count
        let name = required(row, "name"), process = required(row, "process")
        let amount = number(row, "amount", required: true), unit = unit(row)
        let boundaryText = required(row, "boundary")
        let boundary = SystemBoundary.allCases.first { boundary in
            [boundary.rawValue, FootprintTemplate.boundaryName(boundary, .zh), FootprintTemplate.boundaryName(boundary, .en)]
                .contains(boundaryText) || (boundary == .cradleToGate ? ["从摇篮到大门", "摇篮到大门"] : ["摇篮到坟墓"]).contains(boundaryText)
        }
        if boundary == nil, !boundaryText.isEmpty {
            issues.append(row.issue("boundary", .notOneOf(boundaryText, allowed: SystemBoundary.allCases.map(\.rawValue))))
        }
        guard issues.count == before, let amount, let unit, let boundary else { return nil }
        let product = row.text("flow")
        let cutOff = row.text("cut_off")
        return (
            name, DeclaredUnit(process: process, product: product.isEmpty ? nil : product, amount: amount, unit: unit),
            boundary, cutOff.isEmpty ? nil : cutOff
        )
    }

    private mutating func batteryRow(_ row: TableRow) -> BatteryRating? {
        let capacity = number(row, "amount", required: true)
        let category = row.text("vehicle_category")
        // Cycles may be left to the battery rules' default for the vehicle category.
        let cycles = number(row, "cycles_per_year", required: category.isEmpty), years = number(row, "years", required: true)
        guard let capacity, cycles != nil || !category.isEmpty, let years else { return nil }
        return BatteryRating(
            capacityKilowattHours: capacity, cyclesPerYear: cycles, vehicleCategory: category.isEmpty ? nil : category,
            years: years)
    }

    private mutating func factorRow(_ row: TableRow) -> BackgroundFactorEntry? {
        let before = issues.count
        let id = required(row, "flow"), value = number(row, "amount", required: true)
        let unit = required(row, "unit"), source = required(row, "source")
        let yearText = row.text("year")
        var yearIssues: [InputIssue] = []
        let year = yearText.isEmpty ? nil : row.year("year", &yearIssues)
        issues += yearIssues
        guard issues.count == before, let value else { return nil }
        let name = row.text("name")
        return BackgroundFactorEntry(
            id: id, name: name.isEmpty ? nil : name, value: value, unit: unit, source: source, year: year)
    }

    private mutating func outputRow(_ row: TableRow) -> (ProcessModel, String?, Double?)? {
        let before = issues.count
        let id = required(row, "process"), product = required(row, "flow")
        let stageText = required(row, "stage")
        let stage = LifeCycleStage.allCases.first { stage in
            [stage.rawValue, stage.name(in: .zh), stage.name(in: .en)].contains(stageText)
        }
        if stage == nil, !stageText.isEmpty {
            issues.append(row.issue("stage", .notOneOf(stageText, allowed: LifeCycleStage.allCases.map(\.rawValue))))
        }
        let amount = number(row, "amount", required: true), unit = unit(row)
        let price = number(row, "price", required: false), factor = number(row, "allocation_factor", required: false)
        let allocation = row.text("allocation")
        guard issues.count == before, let stage, let amount, let unit else { return nil }
        let name = row.text("name")
        let process = ProcessModel(
            id: id, name: name.isEmpty ? id : name, stage: stage,
            output: ProductOutput(product: product, amount: amount, unit: unit, price: price))
        return (process, allocation.isEmpty ? nil : allocation, factor)
    }

    /// A co-product, input, emission, background or electricity row, added to its process.
    private mutating func exchange(_ row: TableRow, _ record: Record, into draft: inout Draft) {
        let before = issues.count
        let amount = number(row, "amount", required: true), unit = unit(row)
        let uncertainty = uncertainty(row)
        let id = draft.process.id
        switch record {
        case .coproduct:
            let product = required(row, "flow")
            let price = number(row, "price", required: false), factor = number(row, "allocation_factor", required: false)
            guard issues.count == before, let amount, let unit else { return }
            let displaces = row.text("displaces")
            draft.process.coproducts.append(
                ProductOutput(
                    product: product, amount: amount, unit: unit, price: price,
                    displaces: displaces.isEmpty ? nil : displaces))
            draft.factors.append((factor, row))
            place(row, process: id, "coproducts[\(draft.process.coproducts.count)]")
        case .input:
            let provider = required(row, "provider")
            guard issues.count == before, let amount, let unit else { return }
            let product = row.text("flow")
            draft.process.inputs.append(
                ProductInput(
                    provider: provider, product: product.isEmpty ? nil : product, amount: amount, unit: unit,
                    uncertainty: uncertainty))
            place(row, process: id, "inputs[\(draft.process.inputs.count)]")
        case .emission:
            let flow = required(row, "flow")
            guard issues.count == before, let amount, let unit else { return }
            draft.process.emissions.append(Emission(flow: flow, amount: amount, unit: unit, uncertainty: uncertainty))
            place(row, process: id, "emissions[\(draft.process.emissions.count)]")
        case .background:
            let factor = required(row, "flow")
            guard issues.count == before, let amount, let unit else { return }
            draft.process.background.append(
                BackgroundInput(factor: factor, amount: amount, unit: unit, uncertainty: uncertainty))
            place(row, process: id, "background[\(draft.process.background.count)]")
        case .electricity:
            let province = required(row, "province")
            var yearIssues: [InputIssue] = []
            let year = row.year("year", &yearIssues)
            issues += yearIssues
            let loss = number(row, "transmission_loss", required: false)
            guard issues.count == before, let amount, let unit, let year else { return }
            draft.process.electricity.append(
                ElectricityInput(
                    amount: amount, unit: unit, province: province, year: year, transmissionLoss: loss,
                    uncertainty: uncertainty))
            place(row, process: id, "electricity[\(draft.process.electricity.count)]")
        case .model, .battery, .factor, .output: return
        }
    }

    /// The process's allocation, from its output row's method and its products' rows.
    private mutating func allocation(_ draft: Draft) -> Allocation? {
        guard let text = draft.allocation else { return nil }
        guard let code = FootprintTemplate.allocationNames.first(where: { $0.code == text.lowercased() || $0.zh == text })?.code
        else {
            issues.append(
                draft.row.issue("allocation", .notOneOf(text, allowed: FootprintTemplate.allocationNames.map(\.code))))
            return nil
        }
        switch code {
        case "physical": return .physical
        case "economic": return .economic
        case "substitution": return .substitution
        default:
            var factors: [Double] = []
            for (factor, row) in draft.factors {
                guard let factor else {
                    issues.append(row.issue("allocation_factor", .missingValue))
                    continue
                }
                factors.append(factor)
            }
            return .factors(factors)
        }
    }

    // MARK: Cells

    private mutating func required(_ row: TableRow, _ field: String) -> String {
        let text = row.text(field)
        if text.isEmpty { issues.append(row.issue(field, .missingValue)) }
        return text
    }

    private mutating func number(_ row: TableRow, _ field: String, required: Bool) -> Double? {
        if required, row.text(field).isEmpty {
            issues.append(row.issue(field, .missingValue))
            return nil
        }
        return row.optionalNumber(field, &issues)
    }

    private mutating func unit(_ row: TableRow) -> FlowUnit? {
        let text = required(row, "unit")
        guard !text.isEmpty else { return nil }
        guard let unit = FlowUnit(parsing: text) else {
            issues.append(row.issue("unit", .unknownUnit(text)))
            return nil
        }
        return unit
    }

    /// The row's distribution and its parameters; nil when it names none. The values themselves
    /// (a GSD below 1, a mode outside its range) are checked with the model.
    private mutating func uncertainty(_ row: TableRow) -> Uncertainty? {
        let text = row.text("distribution").lowercased()
        guard !text.isEmpty else { return nil }
        func parameter(_ field: String) -> Double? { number(row, field, required: true) }
        switch text {
        case "lognormal": return parameter("gsd").map { .lognormal(gsd: $0) }
        case "normal": return parameter("sd").map { .normal(sd: $0) }
        case "triangular", "uniform":
            guard let low = parameter("min"), let high = parameter("max") else { return nil }
            return text == "uniform" ? .uniform(min: low, max: high) : .triangular(min: low, max: high)
        case "pedigree":
            let text = row.text("pedigree")
            let parts = text.split { ";；,，/ ".contains($0) }
            let s = parts.compactMap { Int($0) }
            guard parts.count == 5, s.count == 5 else {
                issues.append(
                    row.issue("pedigree", text.isEmpty ? .missingValue : .notOneOf(text, allowed: ["1;2;3;4;5"])))
                return nil
            }
            let basic = number(row, "gsd", required: false) ?? 1
            return .pedigree(
                PedigreeScores(
                    reliability: s[0], completeness: s[1], temporal: s[2], geographical: s[3], technological: s[4],
                    basicGSD: basic))
        default:
            issues.append(
                row.issue(
                    "distribution", .notOneOf(text, allowed: ["lognormal", "normal", "triangular", "uniform", "pedigree"])))
            return nil
        }
    }
}
