extension IntakeWords {
    static let chinese: [IntakeWords: String] = [
        .sheetActivity: "活动数据",
        .sheetEconomic: "经济数据",
        .sheetUnits: "单位",
        .sheetLists: "代码表",
        .sheetInstructions: "说明",
        .listsActivityHeader: "品种\n名称\n计量单位\n类别",
        .listsEconomicHeader: "列\n单位\n说明",
        .listsLevelHeader: "层级\n中文名称",
        .listsReportingClassHeader: "报送频次\n中文名称",
        .listsProvinceHeader: "省级行政区划代码\n名称",
        .meaningOutputValue: "当期现价工业总产值",
        .meaningValueAdded: "当期现价增加值",
        .meaningRevenue: "当期营业收入",
        .meaningPriceIndex: "当期价格相对基期的指数（基期 = 100）",
        .meaningBaseYear: "可比价所用的基期年份",
        .unitYear: "年",
        .kindActivity: "活动数据",
        .kindEconomic: "经济数据",
        .kindUnits: "单位",
        .templateTitle: "PeakZero {kind}模板，版本 {version}",
        .instructionsActivity: """
            每行一个单位、一个期间、一个品种。必填列：单位代码、期间、品种、数量、计量单位；行政区划代码可不填（取单位登记的区划）。
            期间写作 2024-01（月度）或 2024（年度）；数量为非负数；品种和计量单位见“代码表”。
            类别可不填（按品种默认）；实测低位发热量、单位热值含碳量、碳氧化率仅用于燃料，留空则用缺省值。
            """,
        .instructionsEconomic: """
            每行一个单位、一个期间。必填列：单位代码、期间，以及工业总产值、增加值、营业收入中至少一项（万元，现价）。
            期间写作 2024-01（月度）或 2024（年度）；金额为非负数。
            价格指数以基期为 100，留空按 100；基期年份留空按该行年份。可比价 = 现价 × 100 ÷ 价格指数。
            """,
        .instructionsUnits: """
            每行一个单位。必填列：单位代码、单位名称、层级、行政区划代码（六位）。
            层级为 监管机构、集团、企业 或 设施（或 supervisor、group、enterprise、facility）；上级单位代码填已有单位或本表中的单位，顶层单位留空。
            持股比例为上级单位持有的份额，0 到 1 之间或百分数（如 51%），留空为 1；报送频次为 月报、季报 或 年报，留空为月报。
            替换模式下，已有代码的单位按本表更新；追加模式下已有代码为错误。
            """,
        .sheetRegional: "区域统计数据",
        .listsAreaHeader: "领域\n名称",
        .listsCarrierHeader: "能源品种\n名称",
        .kindRegional: "区域统计数据",
        .instructionsRegional: """
            每行为一个地区（GB/T 2260 代码）一个年份的一项数据，为以下三种之一：
            分领域分品种能源消费量：填领域、能源品种和能源消费量（吨标准煤，当量值）；
            分领域增加值：填领域和增加值（万元，可比价）；
            地区总量：填地区生产总值（万元，可比价）和常住人口（万人），领域和能源品种留空。数值不能为负数。
            """,
        .sheetProjects: "减排项目",
        .sheetLedger: "碳资产台账",
        .kindProjects: "减排项目",
        .kindLedger: "碳资产台账",
        .listsProjectTypeHeader: "项目类型\n名称",
        .listsProjectStageHeader: "阶段\n名称",
        .listsSavingHeader: "品种或气体\n名称\n计量单位",
        .listsActionHeader: "业务类型\n名称",
        .listsInstrumentHeader: "资产类型\n名称",
        .instructionsProjects: """
            每行为一个项目节约的一个能源品种或减少的一种温室气体；一个项目节约三种品种就占三行。必填列：单位代码、项目编号、节约品种或气体、年节约量、计量单位。
            项目名称、项目类型、投运年份、寿命期（年）、投资（万元）在项目的第一行填写；后续行可留空，若填写须与第一行相同。阶段留空为 planned（计划）；类型和阶段可写代码或中文名称（见“代码表”）。
            年节约量为每年少用的数量，多用（如燃料替代后增加的天然气）写负数；节能量（当量值、等价值）和减排量由 PeakZero 按单位所在省份和投运年份的因子计算，不填写。
            相互影响的项目填同一单位其他项目的编号，多个用逗号分开；落实的措施编号填本单位或上级单位措施清单中的措施编号。替换模式下已有编号的项目按本表更新；追加模式下已有编号为错误。
            """,
        .instructionsLedger: """
            每行一笔碳资产业务，按日期先后逐行记账；任何一行不通过，整个文件都不写入。必填列：单位代码、日期（YYYY-MM-DD）、业务类型、资产类型、年度、数量。
            业务类型和资产类型可写代码或中文名称（见“代码表”）；数量为整数（吨或张），核定分配的调减可为负数。
            CCER 须填项目编号，地方配额须填市场代码，绿证须填生产月份；清缴须填履约年度，截止日之后清缴须在“逾期”列填“是”；绿证注销须填抵扣用电期间（如 2025 或 2025-06）。
            划转（transfer）须填转入单位代码，同时记转出和转入两笔。台账只能追加，不能替换。
            """,
        .sheetScope3: "范围三排放",
        .kindScope3: "范围三(价值链)排放",
        .listsScope3CategoryHeader: "类别\n名称\n上游或下游",
        .listsScope3MethodHeader: "计算方法\n名称\n填写的列",
        .listsScope3TierHeader: "数据质量等级\n名称",
        .instructionsScope3: """
            每行为一个单位一个年份的一项价值链(范围三)活动，或说明某一类别不计入的理由。必填列：单位代码、年份、类别(1–15，见代码表)。
            活动行填计算方法、数据质量等级(1 很好 … 4 差)和方法所需的列(见代码表)；因子编号填“排放因子”中用户因子集 value_chain 类因子的编号，碳足迹模型填 PeakZero 中已保存的产品碳足迹模型编号。
            支出法：支出金额、币种、价格年份；币种与因子不同须填汇率(1 单位支出币种折合的因子币种)，价格年份与因子不同须填价格换算系数(因子价格年的价格 ÷ 支出年的价格)。距离法：活动量(t·km 或 p·km)，或货物质量(吨)与运输距离(千米)。
            排除某一类别：只填单位代码、年份、类别和排除理由。范围三与范围一、二分开报告，不计入能耗和碳排放双控总量及四项指标。替换模式下，文件中每个单位和年份已有的范围三数据被本表取代。
            """,
        .scope3ReportSheet: "范围三",
        .scope3SheetHeader: "类别\n名称\n排放量（tCO2e）\n计算方法\n数据质量（加权）\n行数",
        .scope3ExclusionHeader: "类别\n名称\n不计入理由",
        .scope3NotAssessed: "未评估的类别",
        .scope3Apart: "范围三与范围一、二分开报告，不计入其合计、双控总量和四项指标。",
        .climateNarrativeSheet: "文字说明",
        .climateNarrativeLabels: "治理\n战略\n影响、风险和机遇管理\n指标与目标\n基准年重新计算政策\n鉴证",
        .climateEnergySheet: "能源",
        .climateReductionsSheet: "减排项目",
        .climateReductionsHeader: "单位代码\n项目编号\n项目名称\n阶段\n投运年份\n节能量（吨标准煤，等价值）\n计划减排量（tCO2e）\n核实减排量（tCO2e）\n落实的措施",
        .climateAssetsSheet: "配额与碳信用",
        .climateAssetsHeader: "资产类型\n业务\n数量",
        .climateTargetsSheet: "目标",
        .climateTargetsHeader: "目标\n对象\n指标\n单位\n年份\n限值\n截至目前\n预测\n完成比例\n灯",
        .climateFootprintsSheet: "产品碳足迹",
        .climateFootprintsHeader: "模型编号\n单位代码\n名称\n声明单位\n碳足迹（kgCO2e）",
        .climateIndexSheet: "索引",
        .climateIndexHeader: "披露项\nGRI\nIFRS S2\n章节\n核对等级\n出处",
        .reportByRegionSheet: "按地区",
        .sheetFootprint: "产品模型",
        .kindFootprint: "产品碳足迹模型",
        .listsRecordHeader: "记录类型\n名称\n填写的列",
        .listsStageHeader: "生命周期阶段\n名称",
        .listsBoundaryHeader: "系统边界\n名称",
        .listsAllocationHeader: "分配方法\n名称",
        .listsDistributionHeader: "不确定性分布\n填写的列",
        .instructionsFootprint: """
            每行一条记录，“记录类型”说明是什么(见代码表)。模型行(model)一行：名称、声明单位的过程编号与数量、计量单位、系统边界，可填取舍准则。
            每个过程先有一行产出(output)：过程编号、名称、生命周期阶段、产品、数量、计量单位；该过程的其余各行(联产品、投入、排放、背景数据、电力)填同一过程编号，数量都按产出行的数量给出。
            投入(input)填提供过程的编号(取其联产品时在“产品或流”填联产品名)；排放(emission)在“产品或流”填气体(CO2、CH4、N2O …)，取自自然的资源填负数；背景数据(background)在“产品或流”填背景因子编号；电力(electricity)填省份代码(两位)与数据年份。
            背景因子(factor)行：编号填在“产品或流”，数值填在“数量”，计量单位如 kgCO2e/kg，必须填写来源。电池(battery)行：数量为额定能量(kWh)，并填使用年限与年循环次数；填车辆类别(M1、N1、L、M2、M3、N2、N3)时，年循环次数可不填，取电池规则的默认值。
            有联产品时在产出行填分配方法(physical、economic、factors、substitution)；按系数分配时每个产品行填分配系数(合计为 1)，按经济价值分配时填单价，替代法在联产品行填被替代的过程。
            不确定性：填分布与参数 —— lognormal 填几何标准差(数量为中位数)，normal 填标准差，triangular 与 uniform 填最小值与最大值，pedigree 填五项数据质量评分(如 1;2;3;1;2)，可在几何标准差列填基本几何标准差。
            """,
        .instructionsDryRun: "导入前可先试运行：系统逐行检查并列出每个错误所在的工作表、行和列，不写入任何数据。",

        .inventoryHeader: """
            记录\n单位代码\n月份\n品种\n类别\n范围\n气体\n排放量·位置法（tCO2e）\n排放量·市场法（tCO2e）
            能耗·当量值（tce）\n能耗·等价值（tce）\n排放因子
            """,
        .inventoryTitle: "清单{id}",
        .wholeYear: "全年",
        .indicatorsHeader: """
            \n能源消费总量·当量值（tce）\n能源消费总量·等价值（tce）\n碳排放总量（tCO2e）\n范围一（tCO2e）
            范围二·位置法（tCO2e）\n范围二·市场法（tCO2e）\n总产值·可比价（万元）\n增加值·可比价（万元）
            能耗强度（tce/万元产值）\n碳排放强度（tCO2e/万元产值）
            """,
        .yearOnYear: "同比（%）",
        .tableTotals: "总量",
        .tableByMonth: "分月",
        .tableByScope: "分范围",
        .tableByItem: "分品种",
        .tableByCategory: "分类别",
        .tableByChild: "分下级",
        .auditHeader: """
            序号\n时间\n账号\n账号编号\n地址\n操作\n对象类型\n对象编号\n单位编号\n单位代码\n年\n月\n变更前\n变更后
            前一条哈希\n哈希
            """,
        .auditTitle: "审计日志",

        .reportPlaceSheet: "{file}（工作表“{sheet}”）",
        .reportHeading: "导入 {place}，模式：{mode}{dryRun}",
        .modeAppend: "追加",
        .modeReplace: "替换",
        .dryRunMark: "（试运行）",
        .reportCounts: "读取 {read} 行，有效 {valid} 行，错误 {errors} 个，提示 {warnings} 个",
        .reportError: "错误：{message}",
        .reportWarning: "提示：{message}",
        .reportRepeated: "此文件已导入过，未重复写入。",
        .reportDryRunClean: "试运行：未写入任何数据；可以正式导入。",
        .reportDryRunErrors: "试运行：未写入任何数据；请先修正上述错误。",
        .reportWritten: "已写入 {written} 行（批次 {batch}），替换 {superseded} 行。",
        .reportNothingWritten: "未写入任何数据：请修正上述错误后重新导入。",
        .footprintSummarySheet: "碳足迹",
        .footprintStagesSheet: "生命周期阶段",
        .footprintFlowsSheet: "排放与因子",
        .footprintProcessesSheet: "过程",
        .footprintDrawsSheet: "蒙特卡洛",
        .footprintSummaryHeader: "项目\n数值\n单位",
        .footprintStagesHeader: "阶段\nkg CO2e\n占比",
        .footprintFlowsHeader: "流\n数量\n单位\nkg CO2e\n占比\n因子(kg CO2e/单位)\n因子编号\n来源\n数据年份",
        .footprintProcessesHeader: "过程编号\n名称\n产品\n阶段\n数量\n单位\n直接 kg CO2e\n占比",
        .footprintDrawsHeader: "抽样\nkg CO2e",
        .footprintModel: "产品模型",
        .footprintDeclared: "声明单位",
        .footprintBoundary: "系统边界",
        .footprintGWP: "全球变暖潜势",
        .footprintTotal: "产品碳足迹",
        .footprintPerKWh: "每 kWh 全生命周期能量",
        .footprintLifetimeEnergy: "全生命周期能量(额定能量 × 年循环次数 × 使用年限)",
        .footprintCyclesDefault: "年循环次数：电池规则对 {category} 类车辆的默认值",
        .footprintMean: "蒙特卡洛均值",
        .footprintMedian: "蒙特卡洛中位数",
        .footprintLow: "2.5% 分位数",
        .footprintHigh: "97.5% 分位数",
        .footprintDraws: "抽样次数",
        .footprintSeed: "随机种子",
        .supervisorIndicatorsSheet: "四项指标",
        .supervisorTargetsSheet: "目标进展",
        .supervisorMeasuresSheet: "逾期措施",
        .supervisorCompletenessSheet: "数据完整性",
        .supervisorIndicatorsHeader: "主体\n能源消费总量（tce，当量值）\n碳排放总量（tCO2e）\n能耗强度（tce/万元产值）\n碳排放强度（tCO2e/万元产值）",
        .supervisorTargetsHeader: "目标\n对象\n指标\n单位\n年度\n限额\n至今\n预测\n预测/限额\n信号灯",
        .supervisorMeasuresHeader: "单位\n措施\n责任人\n截止日期",
        .supervisorCompletenessHeader: "状态\n期数",
        .reportBasisSheet: "报告基本信息",
        .reportByGasSheet: "按温室气体",
        .reportByFacilitySheet: "按设施",
        .reportBySourceSheet: "按排放源类别",
        .reportByCarrierSheet: "按能源品种",
        .reportIntensitySheet: "排放强度",
        .reportFactorsSheet: "排放因子",
        .reportPartsHeader: "代码\n名称\n范围一（tCO2e）\n范围二·基于位置（tCO2e）\n范围二·基于市场（tCO2e）\n合计·基于位置（tCO2e）\n合计·基于市场（tCO2e）\n能耗·当量值（tce）\n能耗·等价值（tce）",
        .reportCarrierHeader: "品种\n名称\n当量值（tce）\n等价值（tce）",
        .reportIntensityHeader: "分母\n分母（万元，可比价）\n碳排放强度·基于位置（tCO2e/万元）\n碳排放强度·基于市场（tCO2e/万元）\n能耗强度（tce/万元，当量值）",
        .reportFactorsHeader: "因子编号\n类型\n品种\n数值\n单位\n等级\n来源\n年份",
        .reportBasisLabels: "报告主体\n报告年度\n依据标准\n合并方法\n全球变暖潜势\n范围二主口径\n清单（编号、版本、计算时间）\n因子库\n活动数据条数\n未审核通过的条数\n数据状态",
        .reportStale: "清单计算后数据已变更，请重新计算",
        .footprintDeclarationSheet: "声明",
        .footprintStandard: "依据标准",
        .footprintPartial: "部分产品碳足迹(从摇篮到大门)",
        .footprintWhole: "产品碳足迹(从摇篮到坟墓)",
        .footprintCutOff: "取舍准则",
        .footprintGasHeader: "温室气体\n排放量(kg)\nGWP(kg CO2e/kg)\nGWP 来源\nkg CO2e",
        .footprintBackground: "经背景数据因子(kg CO2e，不分气体)",
        .footprintGrid: "经电网排放因子(kg CO2e，不分气体)",
        .footprintKeptApartHeader: "未计入总量的流(生物源 CO2、资源等)\n数量\n单位",
        .footprintAllocationHeader: "分配的过程\n名称\n方法\n产品\n份额或被替代过程",
        .footprintQualityHeader: "过程\n名称\n交换数\n有不确定性的交换\n平均数据质量评分\n因子来源",
        .footprintNote: "说明",
    ]
}
