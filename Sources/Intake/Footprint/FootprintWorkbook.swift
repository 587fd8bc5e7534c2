import Accounting
import Footprint
import Foundation
import Spreadsheet

/// A footprint as a workbook: the declared unit, boundary, GWP set and total (with the Monte Carlo
/// range when drawn), then the stages, the flows with each factor's value, id, source and year, the
/// processes, and every draw — the numbers of the summary the page and the API show.
public enum FootprintWorkbook {
    public static func data(
        _ summary: FootprintSummary, declaration: FootprintDeclaration? = nil, language: Language
    ) throws -> Data {
        var workbook = XLSXWriter()
        try workbook.add(overview(summary, language))
        if let declaration { try workbook.add(Self.declaration(declaration, language)) }
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.footprintStagesSheet),
                rows: [language.lines(.footprintStagesHeader).map(CellValue.text)]
                    + summary.byStage.map { part in
                        [
                            .text(LifeCycleStage(rawValue: part.key)?.name(in: language) ?? part.key),
                            .number(part.co2eKg), .number(part.share),
                        ]
                    }, columnWidths: [28, 16, 10]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.footprintFlowsSheet),
                rows: [language.lines(.footprintFlowsHeader).map(CellValue.text)]
                    + summary.byFlow.map { flow in
                        [
                            .text(flow.key), .number(flow.amount), .text(flow.unit), .number(flow.co2eKg),
                            .number(summary.totalCo2eKg == 0 ? 0 : flow.co2eKg / summary.totalCo2eKg),
                            flow.factor.map { .number($0.value) } ?? .empty, .text(flow.factor?.id ?? ""),
                            .text(flow.factor?.source ?? ""), flow.factor?.year.map { .number(Double($0)) } ?? .empty,
                        ]
                    }, columnWidths: [22, 14, 8, 14, 10, 18, 14, 60, 10]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.footprintProcessesSheet),
                rows: [language.lines(.footprintProcessesHeader).map(CellValue.text)]
                    + summary.byProcess.map { line in
                        [
                            .text(line.process), .text(line.name), .text(line.product),
                            .text(line.stage.name(in: language)), .number(line.amount), .text(line.unit),
                            .number(line.directCo2eKg), .number(line.share),
                        ]
                    }, columnWidths: [16, 28, 18, 22, 14, 8, 16, 10]))
        if let mc = summary.uncertainty {
            try workbook.add(
                XLSXWriter.Sheet(
                    name: language.word(.footprintDrawsSheet),
                    rows: [language.lines(.footprintDrawsHeader).map(CellValue.text)]
                        + mc.draws.enumerated().map { [.number(Double($0 + 1)), $1.isNaN ? .empty : .number($1)] },
                    columnWidths: [10, 16]))
        }
        return try workbook.data()
    }

    private static func overview(_ summary: FootprintSummary, _ language: Language) -> XLSXWriter.Sheet {
        let kg = "kg CO2e"
        var rows: [[CellValue]] = [
            language.lines(.footprintSummaryHeader).map(CellValue.text),
            [.text(language.word(.footprintModel)), .text(summary.model), .empty],
            [
                .text(language.word(.footprintDeclared)), .number(summary.declaredAmount),
                .text("\(summary.declaredUnit) \(summary.declaredProduct)"),
            ],
            [.text(language.word(.footprintBoundary)), .text(summary.boundary.rawValue), .empty],
            [.text(language.word(.footprintGWP)), .text(summary.gwpSet), .empty],
            [.text(language.word(.footprintTotal)), .number(summary.totalCo2eKg), .text(kg)],
        ]
        if let basis = summary.batteryBasis {
            rows.append([.text(language.word(.footprintLifetimeEnergy)), .number(basis.lifetimeEnergyKWh), .text("kWh")])
            if let source = basis.cyclesSource, let category = basis.vehicleCategory {
                rows.append([
                    .text(language.word(.footprintCyclesDefault, ["category": category])), .number(basis.cyclesPerYear),
                    .text("\(basis.cyclesGrade ?? "") · \(ReferenceTexts.bundled.shown(source, language))"),
                ])
            }
        }
        if let perKWh = summary.perLifetimeKilowattHour {
            rows.append([.text(language.word(.footprintPerKWh)), .number(perKWh), .text("kg CO2e/kWh")])
        }
        for part in summary.batteryStages ?? [] {
            rows.append([
                .text("\(language.word(.footprintPerKWh)) · \(part.stage.name(in: language))"),
                .number(part.perLifetimeKilowattHour), .text("kg CO2e/kWh"),
            ])
        }
        if let mc = summary.uncertainty {
            rows += [
                [.text(language.word(.footprintDraws)), .number(Double(mc.iterations)), .empty],
                [.text(language.word(.footprintSeed)), .text(String(mc.seed)), .empty],
                [.text(language.word(.footprintMean)), .number(mc.mean), .text(kg)],
                [.text(language.word(.footprintMedian)), .number(mc.median), .text(kg)],
                [.text(language.word(.footprintLow)), .number(mc.lower2_5), .text(kg)],
                [.text(language.word(.footprintHigh)), .number(mc.upper97_5), .text(kg)],
            ]
        }
        rows += summary.notes.map { [.text(language.word(.footprintNote)), .text($0), .empty] }
        return XLSXWriter.Sheet(name: language.word(.footprintSummarySheet), rows: rows, columnWidths: [28, 40, 16])
    }

    /// What GB/T 24067-2024's report states beyond the figures, one section under another.
    private static func declaration(_ d: FootprintDeclaration, _ language: Language) -> XLSXWriter.Sheet {
        func header(_ key: IntakeWords) -> [CellValue] { language.lines(key).map(CellValue.text) }
        var rows: [[CellValue]] = [
            [.text(language.word(.footprintStandard)), .text(d.standard)],
            [
                .text(language.word(.footprintBoundary)),
                .text(language.word(d.partial ? .footprintPartial : .footprintWhole)),
            ],
            [.text(language.word(.footprintCutOff)), .text(d.cutOff ?? "—")],
            [], header(.footprintGasHeader),
        ]
        rows += d.byGas.map { line in
            [
                .text(line.gas), .number(line.amountKg), .number(line.gwp.value),
                .text("\(line.gwp.id) — \(line.gwp.source)"), .number(line.co2eKg),
            ]
        }
        rows += [
            [.text(language.word(.footprintBackground)), .empty, .empty, .empty, .number(d.backgroundCo2eKg)],
            [.text(language.word(.footprintGrid)), .empty, .empty, .empty, .number(d.gridCo2eKg)],
        ]
        if !d.keptApart.isEmpty {
            rows += [[], header(.footprintKeptApartHeader)]
            rows += d.keptApart.map { [.text($0.key), .number($0.amount), .text($0.unit)] }
        }
        if !d.allocations.isEmpty {
            rows += [[], header(.footprintAllocationHeader)]
            rows += d.allocations.map { line in
                [
                    .text(line.process), .text(line.name), .text(line.method), .text(line.products.joined(separator: "; ")),
                    .text(line.detail.joined(separator: "; ")),
                ]
            }
        }
        rows += [[], header(.footprintQualityHeader)]
        rows += d.dataQuality.map { line in
            [
                .text(line.process), .text(line.name), .number(Double(line.exchanges)),
                .number(Double(line.withUncertainty)),
                .text(line.pedigree.map { $0.map { String(format: "%.1f", $0) }.joined(separator: "; ") } ?? "—"),
                .text(line.sources.joined(separator: "\n")),
            ]
        }
        return XLSXWriter.Sheet(
            name: language.word(.footprintDeclarationSheet), rows: rows, header: false,
            columnWidths: [30, 24, 16, 40, 16, 60])
    }
}
