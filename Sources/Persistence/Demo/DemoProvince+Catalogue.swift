/// The demo's groups, enterprises, facilities and their energy profiles (all names fictional).
extension DemoProvince {
    struct Use {
        let item: String
        let uom: String
        let perMonth: Double
        var category: String? = nil
    }

    struct Profile {
        let uses: [Use]
        /// 万元 of output value per year at size 1.
        let outputPerYear: Double
        let valueAddedShare: Double
        let seasonality: Double
        let yearlyReduction: Double
        let growth: Double
    }

    struct Facility {
        let name: String
        let region: String
        let size: Double
    }

    struct Enterprise {
        let code: String
        let name: String
        let shortName: String
        let industry: String
        let share: Double
        let profile: Profile
        let facilities: [Facility]
    }

    struct Group {
        let code: String
        let name: String
        let region: String
        let enterprises: [Enterprise]
    }

    static let powerEquipment = Profile(
        uses: [
            Use(item: "电力", uom: "万千瓦时", perMonth: 180), Use(item: "天然气", uom: "万立方米", perMonth: 12),
            Use(item: "柴油", uom: "t", perMonth: 9), Use(item: "热力", uom: "GJ", perMonth: 900),
            Use(item: "绿电", uom: "万千瓦时", perMonth: 20),
        ], outputPerYear: 42_000, valueAddedShare: 0.28, seasonality: 0.06, yearlyReduction: 0.03, growth: 0.05)
    static let cement = Profile(
        uses: [
            Use(item: "烟煤", uom: "t", perMonth: 9_500), Use(item: "电力", uom: "万千瓦时", perMonth: 520),
            Use(item: "柴油", uom: "t", perMonth: 35),
        ], outputPerYear: 36_000, valueAddedShare: 0.24, seasonality: 0.15, yearlyReduction: 0.02, growth: 0.01)
    static let construction = Profile(
        uses: [
            Use(item: "柴油", uom: "t", perMonth: 60), Use(item: "汽油", uom: "t", perMonth: 8),
            Use(item: "电力", uom: "万千瓦时", perMonth: 40),
        ], outputPerYear: 65_000, valueAddedShare: 0.18, seasonality: 0.2, yearlyReduction: 0.015, growth: 0.03)
    static let livestock = Profile(
        uses: [
            Use(item: "电力", uom: "万千瓦时", perMonth: 25), Use(item: "柴油", uom: "t", perMonth: 4),
            Use(item: "非化石甲烷", uom: "t", perMonth: 3.2, category: "逸散排放"),
            Use(item: "液化石油气", uom: "t", perMonth: 2),
        ], outputPerYear: 9_000, valueAddedShare: 0.3, seasonality: 0.1, yearlyReduction: 0.04, growth: 0.04)
    static let lithium = Profile(
        uses: [
            Use(item: "电力", uom: "万千瓦时", perMonth: 900), Use(item: "天然气", uom: "万立方米", perMonth: 80),
            Use(item: "热力", uom: "GJ", perMonth: 6_000), Use(item: "绿电", uom: "万千瓦时", perMonth: 250),
        ], outputPerYear: 120_000, valueAddedShare: 0.22, seasonality: 0.04, yearlyReduction: 0.05, growth: 0.12)

    /// A coal-fired combined heat and power plant of the size the national market covers (its CO2
    /// well above 26,000 t a year): steam and power for its group's lithium plants.
    static let combinedHeatAndPower = Profile(
        uses: [
            Use(item: "烟煤", uom: "t", perMonth: 3_000), Use(item: "电力", uom: "万千瓦时", perMonth: 25),
            Use(item: "柴油", uom: "t", perMonth: 3),
        ], outputPerYear: 3_600, valueAddedShare: 0.25, seasonality: 0.2, yearlyReduction: 0.01, growth: 0.02)

    static let groups: [Group] = [
        Group(
            code: "DEMO-G1", name: "蜀能动力装备集团有限公司（虚构）", region: "510105",
            enterprises: [
                Enterprise(
                    code: "DEMO-G1-E1", name: "蜀能汽轮机有限公司（虚构）", shortName: "蜀能汽轮机", industry: "C3413", share: 1,
                    profile: powerEquipment,
                    facilities: [
                        Facility(name: "旌阳总装厂", region: "510603", size: 1.4),
                        Facility(name: "广汉叶片厂", region: "510681", size: 0.8),
                        Facility(name: "广汉铸锻中心", region: "510681", size: 1.1),
                    ]),
                Enterprise(
                    code: "DEMO-G1-E2", name: "蜀能水电设备有限公司（虚构）", shortName: "蜀能水电", industry: "C3414", share: 1,
                    profile: powerEquipment,
                    facilities: [
                        Facility(name: "旌阳水轮机厂", region: "510603", size: 1.0),
                        Facility(name: "乐山试验基地", region: "511102", size: 0.4),
                    ]),
                Enterprise(
                    code: "DEMO-G1-E3", name: "蜀能风电科技有限公司（虚构）", shortName: "蜀能风电", industry: "C3415", share: 0.65,
                    profile: powerEquipment,
                    facilities: [
                        Facility(name: "双流叶片厂", region: "510116", size: 0.9),
                        Facility(name: "龙泉驿总装厂", region: "510112", size: 0.7),
                    ]),
                Enterprise(
                    code: "DEMO-G1-E4", name: "蜀能电机有限公司（虚构）", shortName: "蜀能电机", industry: "C3811", share: 1,
                    profile: powerEquipment,
                    facilities: [
                        Facility(name: "温江电机厂", region: "510115", size: 0.8),
                        Facility(name: "武侯研发中心", region: "510107", size: 0.2),
                    ]),
                Enterprise(
                    code: "DEMO-G1-E5", name: "蜀能锅炉有限公司（虚构）", shortName: "蜀能锅炉", industry: "C3411", share: 0.51,
                    profile: powerEquipment,
                    facilities: [
                        Facility(name: "涪城锅炉厂", region: "510703", size: 1.2),
                        Facility(name: "江油压力容器厂", region: "510781", size: 0.6),
                    ]),
            ]),
        Group(
            code: "DEMO-G2", name: "锦城城建集团有限公司（虚构）", region: "510104",
            enterprises: [
                Enterprise(
                    code: "DEMO-G2-E1", name: "锦城市政工程有限公司（虚构）", shortName: "锦城市政", industry: "E4813", share: 1,
                    profile: construction,
                    facilities: [
                        Facility(name: "锦江项目部", region: "510104", size: 1.0),
                        Facility(name: "青羊项目部", region: "510105", size: 0.8),
                        Facility(name: "天府新区项目部", region: "510116", size: 1.3),
                    ]),
                Enterprise(
                    code: "DEMO-G2-E2", name: "锦城建设工程有限公司（虚构）", shortName: "锦城建设", industry: "E4710", share: 1,
                    profile: construction,
                    facilities: [
                        Facility(name: "武侯项目部", region: "510107", size: 0.9),
                        Facility(name: "涪城项目部", region: "510703", size: 0.7),
                    ]),
                Enterprise(
                    code: "DEMO-G2-E3", name: "锦城水泥有限公司（虚构）", shortName: "锦城水泥", industry: "C3011", share: 0.8,
                    profile: cement,
                    facilities: [
                        Facility(name: "江油熟料线", region: "510781", size: 1.2),
                        Facility(name: "彭山粉磨站", region: "511403", size: 0.5),
                        Facility(name: "市中区熟料线", region: "511102", size: 1.0),
                    ]),
                Enterprise(
                    code: "DEMO-G2-E4", name: "锦城建材有限公司（虚构）", shortName: "锦城建材", industry: "C3021", share: 1,
                    profile: construction,
                    facilities: [
                        Facility(name: "东坡预制构件厂", region: "511402", size: 0.6),
                        Facility(name: "龙泉驿搅拌站", region: "510112", size: 0.5),
                    ]),
                Enterprise(
                    code: "DEMO-G2-E5", name: "锦城路桥有限公司（虚构）", shortName: "锦城路桥", industry: "E4812", share: 0.6,
                    profile: construction,
                    facilities: [
                        Facility(name: "翠屏项目部", region: "511502", size: 1.1),
                        Facility(name: "南溪项目部", region: "511503", size: 0.6),
                    ]),
            ]),
        Group(
            code: "DEMO-G3", name: "天府农牧与新材料集团有限公司（虚构）", region: "511502",
            enterprises: [
                Enterprise(
                    code: "DEMO-G3-E1", name: "天府生猪养殖有限公司（虚构）", shortName: "天府养殖", industry: "A0313", share: 1,
                    profile: livestock,
                    facilities: [
                        Facility(name: "船山养殖场（沼气）", region: "510903", size: 1.2),
                        Facility(name: "安居养殖场（沼气）", region: "510904", size: 0.9),
                        Facility(name: "东坡养殖场（沼气）", region: "511402", size: 0.8),
                    ]),
                Enterprise(
                    code: "DEMO-G3-E2", name: "天府锂业有限公司（虚构）", shortName: "天府锂业", industry: "C2613", share: 0.7,
                    profile: lithium,
                    facilities: [
                        Facility(name: "蓬溪碳酸锂厂", region: "510921", size: 1.0),
                        Facility(name: "船山氢氧化锂厂", region: "510903", size: 0.8),
                    ]),
                Enterprise(
                    code: "DEMO-G3-E3", name: "天府正极材料有限公司（虚构）", shortName: "天府正极", industry: "C3985", share: 1,
                    profile: lithium,
                    facilities: [
                        Facility(name: "翠屏正极材料厂", region: "511502", size: 1.1),
                        Facility(name: "南溪前驱体厂", region: "511503", size: 0.7),
                        Facility(name: "彭山研发中试线", region: "511403", size: 0.2),
                    ]),
                Enterprise(
                    code: "DEMO-G3-E4", name: "天府饲料有限公司（虚构）", shortName: "天府饲料", industry: "C1320", share: 1,
                    profile: livestock,
                    facilities: [
                        Facility(name: "安居饲料厂", region: "510904", size: 0.5),
                        Facility(name: "翠屏饲料厂", region: "511502", size: 0.4),
                    ]),
                Enterprise(
                    code: "DEMO-G3-E5", name: "天府负极材料有限公司（虚构）", shortName: "天府负极", industry: "C3985", share: 0.55,
                    profile: lithium,
                    facilities: [
                        Facility(name: "市中区石墨化厂", region: "511102", size: 0.9),
                        Facility(name: "广汉负极材料厂", region: "510681", size: 0.6),
                    ]),
                // Last, so that every facility before it keeps its generated figures.
                Enterprise(
                    code: "DEMO-G3-E6", name: "天府热电有限公司（虚构）", shortName: "天府热电", industry: "D4412", share: 0.6,
                    profile: combinedHeatAndPower,
                    facilities: [Facility(name: "蓬溪热电厂", region: "510921", size: 1.0)]),
            ]),
    ]
}
