import Accounting
import Footprint
import Foundation
import Spreadsheet

extension FootprintTemplate {
    /// A model as the template's rows, by field: the model row, a battery's, the factors, then each
    /// process's output row followed by its exchanges — the rows `read` turns back into the model.
    static func rows(_ model: ProductModel) -> [[String: CellValue]] {
        var rows: [[String: CellValue]] = []
        let declared = model.declaredUnit
        rows.append(
            [
                "record": .text(Record.model.rawValue), "name": .text(model.name), "process": .text(declared.process),
                "flow": text(declared.product), "amount": .number(declared.amount), "unit": .text(declared.unit.symbol),
                "boundary": .text(model.boundary.rawValue), "cut_off": text(model.cutOff),
            ])
        if let battery = model.battery {
            rows.append(
                [
                    "record": .text(Record.battery.rawValue), "amount": .number(battery.capacityKilowattHours),
                    "unit": .text("kWh"), "cycles_per_year": battery.cyclesPerYear.map(CellValue.number) ?? .empty,
                    "vehicle_category": text(battery.vehicleCategory), "years": .number(battery.years),
                ])
        }
        for entry in model.backgroundFactors ?? [] {
            rows.append(
                [
                    "record": .text(Record.factor.rawValue), "flow": .text(entry.id), "name": text(entry.name),
                    "amount": .number(entry.value), "unit": .text(entry.unit), "source": .text(entry.source),
                    "year": entry.year.map { .number(Double($0)) } ?? .empty,
                ])
        }
        for process in model.processes { rows += Self.rows(process) }
        return rows
    }

    private static func rows(_ process: ProcessModel) -> [[String: CellValue]] {
        let factors: [Double]? = if case .factors(let values) = process.allocation { values } else { nil }
        func factor(_ place: Int) -> CellValue { factors.flatMap { place < $0.count ? .number($0[place]) : nil } ?? .empty }
        func base(_ record: Record, _ amount: Double, _ unit: FlowUnit, _ uncertainty: Uncertainty? = nil)
            -> [String: CellValue]
        {
            var row: [String: CellValue] = [
                "record": .text(record.rawValue), "process": .text(process.id), "amount": .number(amount),
                "unit": .text(unit.symbol),
            ]
            row.merge(cells(uncertainty)) { $1 }
            return row
        }
        var output = base(.output, process.output.amount, process.output.unit)
        output.merge([
            "name": .text(process.name), "stage": .text(process.stage.rawValue), "flow": .text(process.output.product),
            "allocation": text(process.allocation.map(allocationCode)), "allocation_factor": factor(0),
            "price": process.output.price.map(CellValue.number) ?? .empty,
        ]) { $1 }
        var rows = [output]
        for (place, product) in process.coproducts.enumerated() {
            var row = base(.coproduct, product.amount, product.unit)
            row.merge([
                "flow": .text(product.product), "allocation_factor": factor(place + 1),
                "price": product.price.map(CellValue.number) ?? .empty, "displaces": text(product.displaces),
            ]) { $1 }
            rows.append(row)
        }
        for input in process.inputs {
            var row = base(.input, input.amount, input.unit, input.uncertainty)
            row.merge(["provider": .text(input.provider), "flow": text(input.product)]) { $1 }
            rows.append(row)
        }
        for emission in process.emissions {
            rows.append(base(.emission, emission.amount, emission.unit, emission.uncertainty).merging(["flow": .text(emission.flow)]) { $1 })
        }
        for input in process.background {
            rows.append(base(.background, input.amount, input.unit, input.uncertainty).merging(["flow": .text(input.factor)]) { $1 })
        }
        for input in process.electricity {
            var row = base(.electricity, input.amount, input.unit, input.uncertainty)
            row.merge([
                "province": .text(input.province), "year": .number(Double(input.year)),
                "transmission_loss": input.transmissionLoss.map(CellValue.number) ?? .empty,
            ]) { $1 }
            rows.append(row)
        }
        return rows
    }

    private static func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .empty }

    private static func allocationCode(_ allocation: Allocation) -> String {
        switch allocation {
        case .physical: "physical"
        case .economic: "economic"
        case .factors: "factors"
        case .substitution: "substitution"
        }
    }

    private static func cells(_ uncertainty: Uncertainty?) -> [String: CellValue] {
        switch uncertainty {
        case nil: [:]
        case .lognormal(let gsd)?: ["distribution": .text("lognormal"), "gsd": .number(gsd)]
        case .normal(let sd)?: ["distribution": .text("normal"), "sd": .number(sd)]
        case .triangular(let low, let high)?: ["distribution": .text("triangular"), "min": .number(low), "max": .number(high)]
        case .uniform(let low, let high)?: ["distribution": .text("uniform"), "min": .number(low), "max": .number(high)]
        case .pedigree(let scores)?:
            [
                "distribution": .text("pedigree"), "gsd": .number(scores.basicGSD),
                "pedigree": .text(
                    [scores.reliability, scores.completeness, scores.temporal, scores.geographical, scores.technological]
                        .map(String.init).joined(separator: ";")),
            ]
        }
    }

    /// The template, blank or filled with a model, as a workbook (data, lists and instructions
    /// sheets) or a CSV (the data sheet alone).
    public static func data(_ model: ProductModel?, format: Templates.Format, language: Language) throws -> Data {
        let columns = Templates.Kind.footprint.columns
        let header = columns.map { $0.header(language) }
        let body = (model.map(rows) ?? []).map { row in columns.map { row[$0.field] ?? .empty } }
        switch format {
        case .csv:
            let lines = [header] + body.map { $0.map(\.text) }
            return Data(lines.map { $0.map(CSVField.escape).joined(separator: ",") + "\n" }.joined().utf8)
        case .xlsx:
            return try Templates.workbook(.footprint, language: language, rows: body)
        }
    }
}
