import Accounting
import Footprint

/// Turns a footprint summary into the model page's rows and bars.
struct FootprintPageBuilder {
    let summary: FootprintSummary
    let tree: ContributionNode
    let system: SystemMatrices
    let model: ProductModel
    let language: Language
    let strings: Words

    private func amount(_ value: Double, _ decimals: Int = 4) -> String {
        WebNumbers.grouped(value, decimals: decimals)
    }
    private func percent(_ share: Double) -> String { WebNumbers.grouped(share * 100, decimals: 1) + " %" }

    func page(
        layout: PageLayout, listURL: String, choices: [FootprintModelPage.Choice], monteCarloAction: String,
        exportURL: String, gwp: String, templateURL: String, deleteAction: String?, imported: Bool
    ) -> FootprintModelPage {
        let t = strings
        var facts: [FootprintModelPage.Fact] = [
            .init(
                label: t.text(forKey: "footprint_declared"),
                value:
                    "\(WebNumbers.grouped(summary.declaredAmount, decimals: 0)) \(summary.declaredUnit) \(summary.declaredProduct)"
            ),
            .init(
                label: t.text(forKey: "footprint_boundary"),
                value: t.text(forKey: "footprint_boundary_\(summary.boundary.rawValue)")),
            .init(label: t.text(forKey: "footprint_processes_count"), value: String(model.processes.count)),
        ]
        if let perKWh = summary.perLifetimeKilowattHour {
            facts.append(.init(label: t.text(forKey: "footprint_per_kwh"), value: amount(perKWh) + " kg CO2e"))
        }
        if let basis = summary.batteryBasis {
            let formula = t.format(
                .footprintLifetimeFormula,
                [
                    "capacity": WebNumbers.plain(basis.capacityKilowattHours),
                    "cycles": WebNumbers.plain(basis.cyclesPerYear), "years": WebNumbers.plain(basis.years),
                    "energy": amount(basis.lifetimeEnergyKWh, 0),
                ])
            facts.append(.init(label: t[.footprintLifetimeEnergy], value: formula))
            if let source = basis.cyclesSource, let category = basis.vehicleCategory {
                facts.append(
                    .init(
                        label: t.format(.footprintCyclesDefault, ["category": category]),
                        value: "\(basis.cyclesGrade ?? "") · " + ReferenceTexts.bundled.shown(source, language)))
            }
        }
        // The battery rules' figure: their four stages, per kWh of lifetime energy.
        for part in summary.batteryStages ?? [] {
            facts.append(
                .init(
                    label: "\(t.text(forKey: "footprint_battery_stage")) · \(part.stage.name(in: language))",
                    value: amount(part.perLifetimeKilowattHour, 6) + " kg CO2e/kWh"))
        }
        if let cutOff = model.cutOff { facts.append(.init(label: t.text(forKey: "footprint_cut_off"), value: cutOff)) }
        let largest = summary.byStage.map { abs($0.co2eKg) }.max() ?? 0
        let stageBars = summary.byStage.enumerated().map { index, part in
            FootprintModelPage.Bar(
                label: LifeCycleStage(rawValue: part.key).map { $0.name(in: language) } ?? part.key,
                value: "\(amount(part.co2eKg)) (\(percent(part.share)))", labelY: index * 26 + 17, x: 170,
                y: index * 26 + 4, width: largest > 0 ? max(1, Int(abs(part.co2eKg) / largest * 320)) : 0, height: 18)
        }
        let flows = summary.byFlow.prefix(30).map { flow in
            FootprintModelPage.FlowRow(
                key: flow.key, amount: amount(flow.amount), unit: flow.unit, co2e: amount(flow.co2eKg),
                share: summary.totalCo2eKg == 0 ? "—" : percent(flow.co2eKg / summary.totalCo2eKg),
                source: flow.factor.map { "\($0.id) · \(ReferenceTexts.bundled.shown($0.source, language))" } ?? t.text(forKey: "footprint_not_characterised"))
        }
        let processes = summary.byProcess.prefix(30).map { line in
            FootprintModelPage.ProcessRow(
                name: line.name == line.process ? line.process : "\(line.name) (\(line.process))",
                stage: line.stage.name(in: language), amount: "\(amount(line.amount)) \(line.unit)",
                co2e: amount(line.directCo2eKg), share: percent(line.share))
        }
        var tree: [FootprintModelPage.TreeRow] = []
        func walk(_ node: ContributionNode, depth: Int) {
            let column = system.columns[node.column]
            tree.append(
                .init(
                    indent: String(repeating: "　", count: depth) + (depth > 0 ? "└ " : ""),
                    name: model.processes[column.process].name, amount: "\(amount(node.amount)) \(column.unit.symbol)",
                    total: amount(node.total),
                    share: summary.totalCo2eKg == 0 ? "—" : percent(node.total / summary.totalCo2eKg)))
            for child in node.children { walk(child, depth: depth + 1) }
        }
        walk(self.tree, depth: 0)
        return FootprintModelPage(
            layout: layout, heading: model.name, listURL: listURL,
            total: "\(amount(summary.totalCo2eKg)) kg CO2e", facts: facts, gwpChoices: choices, stageBars: stageBars,
            stageHeight: summary.byStage.count * 26 + 8, flows: Array(flows), processes: Array(processes), tree: tree,
            histogram: summary.uncertainty.map(histogram), monteCarloAction: monteCarloAction,
            drawChoices: PageHandlers.pageMonteCarloDraws.map {
                .init(
                    value: String($0), label: WebNumbers.grouped(Double($0), decimals: 0),
                    selected: $0 == (summary.uncertainty?.iterations ?? 1_000))
            }, exportURL: exportURL,
            gwp: gwp,
            notes: summary.notes, hasNotes: !summary.notes.isEmpty,
            declaration: FootprintDeclarationView(
                FootprintDeclaration(model: model, summary: summary), strings: t, language: language),
            templateURL: templateURL, deleteAction: deleteAction, imported: imported)
    }

    private func histogram(_ mc: MonteCarloSummary) -> FootprintModelPage.Histogram {
        let most = mc.histogram.map(\.count).max() ?? 0
        let width = mc.histogram.isEmpty ? 0 : 600 / mc.histogram.count
        let bars = mc.histogram.enumerated().map { index, bin in
            let height = most > 0 ? Int(Double(bin.count) / Double(most) * 140) : 0
            return FootprintModelPage.Bar(
                label: "\(amount(bin.lower)) – \(amount(bin.upper))", value: String(bin.count), labelY: 0,
                x: 20 + index * width, y: 150 - height, width: max(width - 2, 1), height: height)
        }
        let summary = strings.text(forKey: "footprint_uncertainty_summary")
            .replacingOccurrences(of: "{draws}", with: String(mc.iterations))
            .replacingOccurrences(of: "{mean}", with: amount(mc.mean))
            .replacingOccurrences(of: "{median}", with: amount(mc.median))
            .replacingOccurrences(of: "{low}", with: amount(mc.lower2_5))
            .replacingOccurrences(of: "{high}", with: amount(mc.upper97_5))
        return .init(
            summary: summary, bars: bars, low: amount(mc.histogram.first?.lower ?? 0),
            high: amount(mc.histogram.last?.upper ?? 0))
    }
}
