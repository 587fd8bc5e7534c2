import Accounting

/// What the stores call a kind of object in a "not found" (`StoreError.notFound(kind:)`), in the
/// caller's language: the stores speak English identifiers, the answer speaks to a person.
enum StoredKindName: String, MessageKey {
    case account, inventory, measure, project, target, token, unit
    case factorSet = "factor set"
    case pathwayPlan = "pathway_plan"
    case activityRecord = "activity record"
    case economicRecord = "economic record"
    case footprintModel = "footprint_model"
    case issuedReport = "issued_report"

    static let catalogue = Catalogue<StoredKindName>(
        zh: [
            .account: "账号", .inventory: "清单", .measure: "措施", .project: "项目", .target: "目标",
            .token: "令牌", .unit: "单位", .factorSet: "因子集", .pathwayPlan: "达峰路线图",
            .activityRecord: "活动数据记录", .economicRecord: "经济数据记录", .footprintModel: "产品碳足迹模型",
            .issuedReport: "已出具的报告",
        ],
        en: [
            .account: "account", .inventory: "inventory", .measure: "measure", .project: "project",
            .target: "target", .token: "token", .unit: "unit", .factorSet: "factor set",
            .pathwayPlan: "pathway plan", .activityRecord: "activity record", .economicRecord: "economic record",
            .footprintModel: "product model", .issuedReport: "issued report",
        ])

    /// The kind's name in `language`; a kind not listed here is shown as the store wrote it.
    static func name(_ kind: String, _ language: Language) -> String {
        StoredKindName(rawValue: kind).map { catalogue.text($0, language) } ?? kind
    }
}
