import Accounting
import Footprint
import Spreadsheet

/// PeakZero's product model template (产品模型): one row per record — the model itself, each
/// process's output and its exchanges, background factors, a battery's rating — read into a
/// `ProductModel`, every cell's problem named by row and column. The columns are in
/// `TemplateColumns`; the instructions sheet says what each record fills.
public enum FootprintTemplate {
    /// What a row is.
    enum Record: String, CaseIterable, Sendable {
        case model, battery, output, coproduct, input, emission, background, electricity, factor

        var zh: String {
            switch self {
            case .model: "模型"
            case .battery: "电池"
            case .output: "产出"
            case .coproduct: "联产品"
            case .input: "投入"
            case .emission: "排放"
            case .background: "背景数据"
            case .electricity: "电力"
            case .factor: "背景因子"
            }
        }

        /// The columns the record fills, for the lists sheet.
        var fields: String {
            switch self {
            case .model: "name, process, flow?, amount, unit, boundary, cut_off?"
            case .battery: "amount (kWh), cycles_per_year or vehicle_category, years"
            case .output: "process, name, stage, flow, amount, unit, allocation?, allocation_factor?, price?"
            case .coproduct: "process, flow, amount, unit, allocation_factor?, price?, displaces?"
            case .input: "process, provider, flow?, amount, unit, distribution?"
            case .emission: "process, flow (gas), amount, unit, distribution?"
            case .background: "process, flow (factor id), amount, unit, distribution?"
            case .electricity: "process, amount, unit, province, year, transmission_loss?, distribution?"
            case .factor: "flow (id), name?, amount (value), unit (kgCO2e/…), source, year?"
            }
        }

        init?(naming text: String) {
            let lowered = text.lowercased()
            guard let record = Self.allCases.first(where: { $0.rawValue == lowered || $0.zh == text }) else { return nil }
            self = record
        }
    }

    /// The lists sheet: records, stages, boundaries, allocation methods and distributions.
    static func lists(_ language: Language) -> [[CellValue]] {
        func header(_ key: IntakeWords) -> [CellValue] { language.lines(key).map(CellValue.text) }
        var rows = [header(.listsRecordHeader)]
        rows += Record.allCases.map { [.text($0.rawValue), .text(language == .zh ? $0.zh : $0.rawValue), .text($0.fields)] }
        rows += [[], header(.listsStageHeader)]
        rows += LifeCycleStage.allCases.map { [.text($0.rawValue), .text($0.name(in: language))] }
        rows += [[], header(.listsBoundaryHeader)]
        rows += SystemBoundary.allCases.map { [.text($0.rawValue), .text(boundaryName($0, language))] }
        rows += [[], header(.listsAllocationHeader)]
        rows += allocationNames.map { [.text($0.code), .text(language == .zh ? $0.zh : $0.code)] }
        rows += [[], header(.listsDistributionHeader)]
        rows += [
            ("lognormal", "gsd"), ("normal", "sd"), ("triangular", "min, max"), ("uniform", "min, max"),
            ("pedigree", "pedigree (1;2;3;4;5), gsd?"),
        ].map { [.text($0.0), .text($0.1)] }
        return rows
    }

    static let allocationNames: [(code: String, zh: String)] = [
        ("physical", "物理分配"), ("economic", "经济价值分配"), ("factors", "按系数分配"), ("substitution", "替代法"),
    ]

    static func boundaryName(_ boundary: SystemBoundary, _ language: Language) -> String {
        switch (boundary, language) {
        case (.cradleToGate, .zh): "从摇篮到大门(部分产品碳足迹)"
        case (.cradleToGate, .en): "cradle to gate (partial footprint)"
        case (.cradleToGrave, .zh): "从摇篮到坟墓"
        case (.cradleToGrave, .en): "cradle to grave"
        }
    }

    /// Reads a filled template.
    public static func read(_ file: IntakeFile) throws(InputIssues) -> ImportedModel {
        let table = try Templates.Kind.footprint.table(file.rows, file: file.name, sheet: file.sheet)
        var reader = FootprintTemplateReader(file: file.name)
        for row in table.rows { reader.read(row) }
        return try reader.model()
    }
}
