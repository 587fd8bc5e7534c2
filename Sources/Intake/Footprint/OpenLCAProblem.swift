import Accounting

/// Something in an openLCA export that PeakZero cannot turn into a product model, with where it is:
/// the archive's file, the process (by name and id) and the exchange (by its place and flow).
struct OpenLCAProblem: Sendable {
    enum Kind: String, Sendable, MessageKey {
        case unreadableArchive, unreadableEntry, noProcesses, tooManyProcesses, noReference, referenceNotProduct
        case noProvider, providerOutside, providerLacksFlow, unknownUnit, unitNotOfFlow, noFlow, causalAllocation
        case wasteInput, severalSystems, noSuchSystem, severalRoots, noRoot, systemReference, badUncertainty
    }

    let kind: Kind
    var process: String?
    var exchange: String?
    var arguments: [String: String] = [:]

    /// The problem as an import's issue: its file the archive's entry (`model.zip/processes/….json`).
    func issue(file: String, entry: String?) -> InputIssue {
        InputIssue(
            file: entry.map { "\(file)/\($0)" } ?? file, problem: .composed(zh: message(.zh), en: message(.en)))
    }

    /// `process · exchange: what is wrong`, what comes from the file shortened when long.
    func message(_ language: Language) -> String {
        func quoted(_ text: String) -> String { Problem.quoted(text, language) }
        var place: [String] = []
        if let process { place.append((language == .zh ? "过程 " : "process ") + quoted(process)) }
        if let exchange { place.append(quoted(exchange)) }
        let reason = Self.catalogue.text(kind, language, arguments.mapValues(quoted))
        return place.isEmpty ? reason : place.joined(separator: " · ") + (language == .zh ? "：" : ": ") + reason
    }

    static let catalogue = Catalogue<Kind>(
        zh: [
            .unreadableArchive: "无法读取 openLCA 导出文件：{reason}",
            .unreadableEntry: "{entry} 无法读取：{reason}",
            .noProcesses: "文件中没有过程(processes/ 目录为空)，不是 openLCA JSON-LD 导出文件",
            .tooManyProcesses: "过程数 {count} 超过上限 {limit}",
            .noReference: "没有定量参考(isQuantitativeReference)交换",
            .referenceNotProduct: "定量参考须为产品产出或废物处理投入",
            .noProvider: "产品投入“{flow}”没有提供过程(默认提供者或产品系统中的连接)；请在 openLCA 中连接后再导出",
            .providerOutside: "提供过程 {provider} 不在导出文件中；导出时请包含其上游过程",
            .providerLacksFlow: "提供过程 {provider} 不产出“{flow}”",
            .unknownUnit: "计量单位“{unit}”PeakZero 不认识",
            .unitNotOfFlow: "计量单位“{unit}”不属于流“{flow}”的单位组 {group}",
            .noFlow: "交换没有注明流，或流 {flow} 不在导出文件中",
            .causalAllocation: "因果分配(按交换分配)PeakZero 不支持；请在 openLCA 中改为物理或经济分配",
            .wasteInput: "废物投入只能作为废物处理过程的定量参考",
            .severalSystems: "文件中有多个产品系统({names})，请指明导入哪一个",
            .noSuchSystem: "文件中没有名为“{name}”的产品系统(有：{names})",
            .severalRoots: "没有产品系统，且有多个过程的产品无人使用({names})：无法判断声明单位",
            .noRoot: "没有产品系统，且每个过程的产品都被使用：无法判断声明单位",
            .systemReference: "产品系统 {system} 的参考过程或参考交换不在文件中",
            .badUncertainty: "不确定性分布 {distribution} 缺少参数或不认识",
        ],
        en: [
            .unreadableArchive: "the openLCA export cannot be read: {reason}",
            .unreadableEntry: "{entry} cannot be read: {reason}",
            .noProcesses: "the file holds no processes (processes/ is empty): it is no openLCA JSON-LD export",
            .tooManyProcesses: "{count} processes are more than the limit of {limit}",
            .noReference: "no exchange is the quantitative reference (isQuantitativeReference)",
            .referenceNotProduct: "the quantitative reference must be a product output or a waste treated (an input)",
            .noProvider:
                "the product input “{flow}” has no provider (a default provider or a link of the product system); link it in openLCA and export again",
            .providerOutside: "the provider {provider} is not in the file; export its upstream processes too",
            .providerLacksFlow: "the provider {provider} does not make “{flow}”",
            .unknownUnit: "PeakZero does not know the unit “{unit}”",
            .unitNotOfFlow: "the unit “{unit}” is not one of flow “{flow}”'s unit group {group}",
            .noFlow: "the exchange names no flow, or the flow {flow} is not in the file",
            .causalAllocation:
                "causal allocation (factors per exchange) is not supported; choose physical or economic allocation in openLCA",
            .wasteInput: "a waste input can only be a waste treatment's quantitative reference",
            .severalSystems: "the file holds several product systems ({names}); name the one to import",
            .noSuchSystem: "the file holds no product system named “{name}” (it holds: {names})",
            .severalRoots:
                "there is no product system, and several processes make what no other takes ({names}): the declared unit is unclear",
            .noRoot: "there is no product system, and every process's product is taken by another: the declared unit is unclear",
            .systemReference: "the product system {system}'s reference process or exchange is not in the file",
            .badUncertainty: "the uncertainty distribution {distribution} lacks a parameter or is unknown",
        ])
}
