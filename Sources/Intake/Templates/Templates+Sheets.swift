import Accounting
import Assets
import Pathways
import Spreadsheet

/// The second and third sheets of each template: the valid codes and the instructions.
extension Templates {
    static func lists(_ kind: Kind, _ language: Language) -> [[CellValue]] {
        func header(_ key: IntakeWords) -> [CellValue] { language.lines(key).map(CellValue.text) }
        var rows: [[CellValue]]
        switch kind {
        case .activity:
            let template = ActivityTemplate()
            rows = [header(.listsActivityHeader)]
            for item in template.catalog.items {
                rows.append([
                    .text(item.code), .text(item.name(in: language)),
                    .text(language.list(template.acceptedUnits(for: item))),
                    .text(language.list(item.allowedCategories.map(\.rawValue))),
                ])
            }
        case .economic:
            rows = [header(.listsEconomicHeader)]
            let meanings: [(field: String, unit: String, meaning: IntakeWords)] = [
                ("output_value", "万元", .meaningOutputValue), ("value_added", "万元", .meaningValueAdded),
                ("revenue", "万元", .meaningRevenue), ("price_index", "—", .meaningPriceIndex),
                ("base_year", language.word(.unitYear), .meaningBaseYear),
            ]
            for (field, unit, meaning) in meanings {
                let header = kind.columns.first { $0.field == field }!.header(language)
                rows.append([.text(header), .text(unit), .text(language.word(meaning))])
            }
        case .regional:
            rows = [header(.listsAreaHeader)]
            rows += PlanningArea.allCases.map { [.text($0.rawValue), .text($0.name(language))] }
            rows.append([])
            rows.append(header(.listsCarrierHeader))
            rows += RegionalCarrier.allCases.map { [.text($0.rawValue), .text($0.name(language))] }
        case .units:
            rows = [header(.listsLevelHeader)]
            rows += UnitVocabulary.levels.map { [.text($0.0.rawValue), .text($0.zh)] }
            rows.append([])
            rows.append(header(.listsReportingClassHeader))
            rows += UnitVocabulary.reportingClasses.map { [.text($0.0.rawValue), .text($0.zh)] }
        case .projects:
            rows = [header(.listsProjectTypeHeader)]
            rows += ProjectType.allCases.map { [.text($0.rawValue), .text($0.name(in: language))] }
            rows.append([])
            rows.append(header(.listsProjectStageHeader))
            rows += ProjectStage.allCases.map { [.text($0.rawValue), .text($0.name(in: language))] }
            rows.append([])
            rows.append(header(.listsSavingHeader))
            let template = ActivityTemplate()
            for item in template.catalog.items {
                rows.append([
                    .text(item.code), .text(item.name(in: language)),
                    .text(language.list(template.acceptedUnits(for: item))),
                ])
            }
        case .ledger:
            rows = [header(.listsActionHeader)]
            rows += LedgerAction.allCases.filter { $0 != .transferIn && $0 != .transferOut }
                .map { [.text($0.rawValue), .text($0.name(in: language))] }
            rows.append([.text("transfer"), .text(language == .zh ? "划转" : "transfer")])
            rows.append([])
            rows.append(header(.listsInstrumentHeader))
            rows += InstrumentKind.allCases.map { [.text($0.rawValue), .text($0.name(in: language))] }
        case .footprint:
            rows = FootprintTemplate.lists(language)
        case .scope3:
            rows = Scope3Template.lists(language)
        }
        rows.append([])
        rows.append(header(.listsProvinceHeader))
        for province in ProvinceTable.bundled.provinces {
            rows.append([.text(province.code), .text(language == .zh ? province.nameZh : province.nameEn)])
        }
        return rows
    }

    static func instructions(_ kind: Kind, _ language: Language) -> [[CellValue]] {
        let (name, lines): (IntakeWords, IntakeWords) =
            switch kind {
            case .activity: (.kindActivity, .instructionsActivity)
            case .economic: (.kindEconomic, .instructionsEconomic)
            case .units: (.kindUnits, .instructionsUnits)
            case .regional: (.kindRegional, .instructionsRegional)
            case .projects: (.kindProjects, .instructionsProjects)
            case .ledger: (.kindLedger, .instructionsLedger)
            case .footprint: (.kindFootprint, .instructionsFootprint)
            case .scope3: (.kindScope3, .instructionsScope3)
            }
        let title = language.word(.templateTitle, ["kind": language.word(name), "version": version(kind)])
        return ([title] + language.lines(lines) + [language.word(.instructionsDryRun)]).map { [.text($0)] }
    }
}
