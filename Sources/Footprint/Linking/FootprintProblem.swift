import Accounting

/// Something wrong with a product model, naming where: the process (its id), and the exchange (its
/// list and place, as the model file and the template number them from 1).
public struct FootprintProblem: Error, Sendable, Equatable {
    public let process: String?
    /// e.g. `inputs[2]`, `emissions[1]`, `output`.
    public let exchange: String?
    public let kind: Kind
    public let arguments: [String: String]

    public init(process: String?, exchange: String? = nil, kind: Kind, arguments: [String: String] = [:]) {
        self.process = process
        self.exchange = exchange
        self.kind = kind
        self.arguments = arguments
    }

    public enum Kind: String, Sendable, MessageKey {
        case noProcesses, duplicateProcess, unknownProvider, unknownProduct, unitMismatch, notFinite, beyondPlausible
        case zeroOutput, negativeOutput, badGSD, negativeSpread, amountOutsideRange, badPedigree
        case allocationMissing, allocationFactors, allocationPrices, allocationNotPhysical, unknownDisplaced
        case unknownFactor, noGridFactor, noGWP, badLoss, badProvince, singular, cycleTooLarge, declaredUnit
        case badRating, unknownVehicleCategory, cyclesAgainstRules, missingSource, unreadable
    }

    /// `process · exchange: what is wrong`, in the reader's language.
    public func message(_ language: Language) -> String {
        var place: [String] = []
        if let process { place.append((language == .zh ? "过程 " : "process ") + process) }
        if let exchange { place.append(exchange) }
        let reason = Self.catalogue.text(kind, language, arguments)
        guard !place.isEmpty else { return reason }
        return place.joined(separator: " · ") + (language == .zh ? "：" : ": ") + reason
    }
}

/// Every problem found in a model, so the author can mend them all at once.
public struct FootprintProblems: Error, Sendable, Equatable {
    public let problems: [FootprintProblem]
}

extension FootprintProblem {
    public static let catalogue = Catalogue<Kind>(
        zh: [
            .noProcesses: "模型中没有任何过程",
            .duplicateProcess: "过程编号 {id} 重复",
            .unknownProvider: "模型中没有编号为 {provider} 的过程",
            .unknownProduct: "过程 {provider} 不产出“{product}”",
            .unitMismatch: "计量单位 {unit}（{dimension}）与产品“{product}”的单位 {expected}（{expectedDimension}）不是同一种量",
            .notFinite: "数量须为有限的数字",
            .beyondPlausible: "数量超出任何实际的范围(绝对值不能超过 10¹²)",
            .zeroOutput: "产出量不能为 0",
            .negativeOutput: "产出量须大于 0",
            .badGSD: "几何标准差须为不小于 1 的有限数字",
            .negativeSpread: "标准差须为不小于 0 的有限数字",
            .amountOutsideRange: "数量 {amount} 须在最小值与最大值之间",
            .badPedigree: "数据质量评分须为 1 至 5 的整数，基本几何标准差不小于 1",
            .allocationMissing: "有副产品时须说明分配方法(physical、economic、factors 或 substitution)",
            .allocationFactors: "分配系数须有 {count} 个、均不小于 0、合计为 1",
            .allocationPrices: "经济分配须给出每种产品的价格(不小于 0，且产值合计大于 0)",
            .allocationNotPhysical: "物理分配须各产品以同一种量计量(如均为质量)",
            .unknownDisplaced: "被替代的过程 {provider} 不存在或不产出“{product}”",
            .unknownFactor: "背景因子集中没有编号为 {factor} 的因子",
            .noGridFactor: "因子库中没有省份 {province} {year} 年及以前的电网排放因子",
            .noGWP: "{set} 中没有“{flow}”的全球变暖潜势；若不是温室气体，它将保留在清单中但不计入碳足迹",
            .badLoss: "输配电损耗率须在 0 与 1 之间(不含 1)",
            .badProvince: "省份须为两位行政区划代码(如 51)",
            .singular: "模型无解：产品“{product}”无法由模型中的过程产出(无人生产、产出为零，或循环无出口)",
            .cycleTooLarge: "模型中相互依赖的过程太多({size} 个)，超出可计算的规模",
            .declaredUnit: "声明单位须为某个过程的产品，数量大于 0",
            .badRating: "电池的额定能量、年循环次数(或由电池规则给出默认值的车辆类别)与使用年限须为大于 0 的数字",
            .unknownVehicleCategory: "车辆类别 {category} 不在电池规则的默认循环次数表中(可选：{known})",
            .cyclesAgainstRules: "电池规则规定 {category} 类车辆每年 {default} 次等效完全循环；请删去年循环次数，或不填车辆类别",
            .missingSource: "每个因子都须注明来源",
            .unreadable: "文件不是可读的 CSV(引号未闭合)",
        ],
        en: [
            .noProcesses: "the model has no process",
            .duplicateProcess: "the process id {id} is used twice",
            .unknownProvider: "the model has no process with the id {provider}",
            .unknownProduct: "process {provider} does not make “{product}”",
            .unitMismatch:
                "the unit {unit} ({dimension}) does not measure what product “{product}” is measured in, {expected} ({expectedDimension})",
            .notFinite: "the amount must be a finite number",
            .beyondPlausible: "the amount is beyond any real figure (its magnitude must not exceed 10¹²)",
            .zeroOutput: "the output may not be 0",
            .negativeOutput: "the output must be above 0",
            .badGSD: "the geometric standard deviation must be a finite number of at least 1",
            .negativeSpread: "the standard deviation must be a finite number not below 0",
            .amountOutsideRange: "the amount {amount} must lie between the minimum and the maximum",
            .badPedigree: "pedigree scores must be whole numbers from 1 to 5, the basic GSD at least 1",
            .allocationMissing:
                "a process with co-products must say how burdens are shared (physical, economic, factors or substitution)",
            .allocationFactors: "give {count} allocation factors, none below 0, summing to 1",
            .allocationPrices:
                "economic allocation needs a price for every product (not below 0, with a total value above 0)",
            .allocationNotPhysical:
                "physical allocation needs every product measured in the same kind of quantity (all mass, say)",
            .unknownDisplaced: "the displaced process {provider} does not exist or does not make “{product}”",
            .unknownFactor: "no factor {factor} in the background factor set",
            .noGridFactor: "the factor library has no grid factor for province {province} in or before {year}",
            .noGWP:
                "{set} has no global warming potential for “{flow}”; if it is no greenhouse gas it stays in the inventory, uncounted in the footprint",
            .badLoss: "the transmission loss must lie from 0 up to (not including) 1",
            .badProvince: "the province must be a two-digit GB/T 2260 code (51, say)",
            .singular:
                "the model cannot be solved: no process can make product “{product}” (nobody makes it, its output is zero, or a loop has no way out)",
            .cycleTooLarge: "too many processes depend on one another ({size}) to compute",
            .declaredUnit: "the declared unit must be an amount above 0 of some process's product",
            .badRating:
                "the battery's rated energy, cycles a year (or a vehicle category whose default the battery rules fix) and years of service must be numbers above 0",
            .unknownVehicleCategory:
                "vehicle category {category} is not in the battery rules' table of default cycles (one of {known})",
            .cyclesAgainstRules:
                "the battery rules fix {default} full equivalent cycles a year for category {category}: leave cycles_per_year empty, or name no vehicle category",
            .missingSource: "every factor needs its source",
            .unreadable: "the file is no readable CSV (a quotation mark is not closed)",
        ])
}
