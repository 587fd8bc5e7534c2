import Accounting

/// The columns of each kind of template: the field a column fills, its Chinese header (English
/// headers are the field names), whether it must be filled, and other headers accepted for it.
public struct TemplateColumn: Sendable {
    public let field: String
    public let zh: String
    public let required: Bool
    public let aliases: [String]

    init(_ field: String, _ zh: String, required: Bool = false, aliases: [String] = []) {
        self.field = field
        self.zh = zh
        self.required = required
        self.aliases = aliases
    }

    func header(_ language: Language) -> String { language == .zh ? zh : field }
}

extension Templates.Kind {
    public var columns: [TemplateColumn] {
        switch self {
        case .activity:
            // The activity template's own reader (ActivityTemplate) knows their aliases.
            [
                .init("unit", "单位代码", required: true), .init("period", "期间", required: true),
                .init("item", "品种", required: true), .init("quantity", "数量", required: true),
                .init("uom", "计量单位", required: true), .init("category", "类别"), .init("region", "行政区划代码"),
                .init("ncv", "低位发热量"), .init("carbon_content", "单位热值含碳量"), .init("oxidation_rate", "碳氧化率"),
            ]
        case .economic:
            [
                .init("unit", "单位代码", required: true, aliases: ["unit_code"]),
                .init("period", "期间", required: true),
                .init("output_value", "工业总产值（万元）", aliases: ["工业总产值", "总产值", "产值", "output value"]),
                .init("value_added", "增加值（万元）", aliases: ["增加值", "工业增加值", "value added"]),
                .init("revenue", "营业收入（万元）", aliases: ["营业收入", "主营业务收入"]),
                .init("price_index", "价格指数（基期=100）", aliases: ["价格指数", "price index"]),
                .init("base_year", "基期年份", aliases: ["基期", "base year"]),
            ]
        case .units:
            [
                .init("code", "单位代码", required: true, aliases: ["统一社会信用代码", "unit"]),
                .init("name", "单位名称", required: true, aliases: ["名称"]),
                .init("level", "层级", required: true, aliases: ["单位层级"]),
                .init("parent_code", "上级单位代码", aliases: ["上级单位", "parent"]),
                .init("industry_code", "行业代码", aliases: ["国民经济行业代码", "industry"]),
                .init("region_code", "行政区划代码", required: true, aliases: ["区划代码", "region"]),
                .init("ownership_share", "持股比例", aliases: ["股权比例", "ownership share"]),
                .init("reporting_class", "报送频次", aliases: ["报送周期", "reporting class"]),
            ]
        case .regional:
            [
                .init("region", "地区代码", required: true, aliases: ["行政区划代码", "region_code", "地区"]),
                .init("year", "年份", required: true, aliases: ["年度"]),
                .init("area", "领域", aliases: ["部门"]),
                .init("carrier", "能源品种", aliases: ["品种"]),
                .init("energy_tce", "能源消费量（吨标准煤）", aliases: ["能源消费量", "能耗"]),
                .init("value_added", "增加值（万元，可比价）", aliases: ["增加值", "value added"]),
                .init("gdp", "地区生产总值（万元，可比价）", aliases: ["地区生产总值", "GDP"]),
                .init("population", "常住人口（万人）", aliases: ["常住人口", "人口"]),
            ]
        case .projects:
            // One row per item saved: a project with three items takes three rows; its own cells
            // (name, type …) are filled on its first row and may be left blank or repeated below.
            [
                .init("unit", "单位代码", required: true, aliases: ["unit_code"]),
                .init("code", "项目编号", required: true, aliases: ["project_code", "项目代码"]),
                .init("name", "项目名称", aliases: ["名称"]),
                .init("type", "项目类型", aliases: ["类型"]),
                .init("stage", "阶段", aliases: ["项目阶段"]),
                .init("first_year", "投运年份", aliases: ["投运年", "first year"]),
                .init("lifetime_years", "寿命期（年）", aliases: ["寿命期", "lifetime"]),
                .init("capex", "投资（万元）", aliases: ["投资", "总投资"]),
                .init("yearly_opex", "年运行费用（万元）", aliases: ["年运行费用", "opex"]),
                .init("yearly_benefit", "年收益（万元）", aliases: ["年收益", "benefit"]),
                .init("item", "节约品种或气体", required: true, aliases: ["品种", "节约品种"]),
                .init("quantity", "年节约量", required: true, aliases: ["节约量", "数量"]),
                .init("uom", "计量单位", required: true, aliases: ["unit_of_measure", "单位"]),
                .init("interacts_with", "相互影响的项目", aliases: ["相互影响", "interacts with"]),
                .init("measure_id", "落实的措施编号", aliases: ["措施编号", "measure"]),
            ]
        case .ledger:
            [
                .init("unit", "单位代码", required: true, aliases: ["unit_code", "账户"]),
                .init("day", "日期", required: true, aliases: ["date", "业务日期"]),
                .init("action", "业务类型", required: true, aliases: ["业务", "类型"]),
                .init("kind", "资产类型", required: true, aliases: ["资产", "instrument"]),
                .init("vintage", "年度", required: true, aliases: ["配额年度", "生产年份", "year"]),
                .init("month", "生产月份", aliases: ["月份"]),
                .init("reference", "项目编号或市场代码", aliases: ["项目编号", "市场代码"]),
                .init("methodology", "方法学"),
                .init("quantity", "数量", required: true, aliases: ["数量（吨或张）"]),
                .init("price", "价格（元）", aliases: ["价格", "单价"]),
                .init("counterparty", "交易对手", aliases: ["对手方"]),
                .init("compliance_year", "履约年度", aliases: ["compliance year"]),
                .init("retired_for", "抵扣用电期间", aliases: ["抵扣期间", "retired for"]),
                .init("late", "逾期", aliases: ["逾期补缴"]),
                .init("to_unit", "转入单位代码", aliases: ["转入单位", "to unit"]),
            ]
        case .footprint:
            // One row per exchange, led by the process's output row; the model's own row, its
            // background factors and a battery's rating are rows too (FootprintTemplate).
            [
                .init("record", "记录类型", required: true, aliases: ["记录", "类型"]),
                .init("process", "过程编号", aliases: ["过程"]),
                .init("name", "名称"),
                .init("stage", "生命周期阶段", aliases: ["阶段"]),
                .init("flow", "产品或流", aliases: ["产品", "流", "气体"]),
                .init("provider", "提供过程", aliases: ["提供者"]),
                .init("amount", "数量", required: true, aliases: ["数值"]),
                .init("unit", "计量单位", aliases: ["单位", "uom"]),
                .init("boundary", "系统边界", aliases: ["边界"]),
                .init("cut_off", "取舍准则", aliases: ["截断准则", "cut-off"]),
                .init("allocation", "分配方法"),
                .init("allocation_factor", "分配系数"),
                .init("price", "单价"),
                .init("displaces", "替代过程"),
                .init("province", "省份代码", aliases: ["省份"]),
                .init("year", "年份", aliases: ["数据年份"]),
                .init("transmission_loss", "输配电损耗率", aliases: ["线损率"]),
                .init("distribution", "不确定性分布", aliases: ["分布"]),
                .init("gsd", "几何标准差"),
                .init("sd", "标准差"),
                .init("min", "最小值"),
                .init("max", "最大值"),
                .init("pedigree", "数据质量评分", aliases: ["谱系评分"]),
                .init("source", "来源", aliases: ["出处"]),
                .init("cycles_per_year", "年循环次数"),
                .init("vehicle_category", "车辆类别", aliases: ["vehicle category"]),
                .init("years", "使用年限", aliases: ["寿命（年）"]),
            ]
        case .scope3:
            // One activity a row, or one excluded category (Scope3Template).
            [
                .init("unit", "单位代码", required: true, aliases: ["unit_code"]),
                .init("year", "年份", required: true, aliases: ["报告年份"]),
                .init("category", "范围三类别", required: true, aliases: ["类别", "scope 3 category"]),
                .init("method", "计算方法", aliases: ["方法"]),
                .init("description", "活动说明", aliases: ["说明", "活动"]),
                .init("quantity", "活动量", aliases: ["数量"]),
                .init("uom", "计量单位", aliases: ["unit_of_measure"]),
                .init("mass", "货物质量（吨）", aliases: ["货物质量", "mass (t)"]),
                .init("distance", "运输距离（千米）", aliases: ["运输距离", "distance (km)"]),
                .init("spend", "支出金额", aliases: ["支出", "金额"]),
                .init("currency", "币种", aliases: ["货币"]),
                .init("price_year", "价格年份", aliases: ["price year"]),
                .init("exchange_rate", "汇率", aliases: ["exchange rate"]),
                .init("price_index", "价格换算系数", aliases: ["价格指数", "price index"]),
                .init("supplier_emissions", "供应商提供的排放量（tCO2e）", aliases: ["供应商排放量", "supplier emissions"]),
                .init("factor_id", "排放因子编号", aliases: ["因子编号", "factor"]),
                .init("footprint_model", "碳足迹模型编号", aliases: ["碳足迹模型", "footprint model"]),
                .init("tier", "数据质量等级", aliases: ["数据质量", "tier"]),
                .init("excluded_reason", "排除理由", aliases: ["不计入理由", "exclusion reason"]),
            ]
        }
    }

    /// Reads a sheet's rows by this kind's headers.
    func table(_ rows: [(number: Int, values: [String])], file: String, sheet: String?) throws(InputIssues)
        -> TableReader
    {
        var aliases: [String: [String]] = [:]
        for column in columns { aliases[column.field] = [column.zh] + column.aliases }
        return try TableReader(
            rows: rows, file: file, sheet: sheet, required: columns.filter(\.required).map(\.field),
            optional: columns.filter { !$0.required }.map(\.field), headerAliases: aliases)
    }
}
