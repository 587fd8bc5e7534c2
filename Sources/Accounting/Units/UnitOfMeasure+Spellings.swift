extension UnitOfMeasure {
    /// The spellings Chinese and English users type for each unit. Matching ignores case and spaces,
    /// so `KWH` and `k W h` read as kWh; but nothing is guessed: an unlisted spelling is rejected.
    static let spellingTable: [(UnitOfMeasure, [String])] = [
        (.mass(.kilogram), ["kg", "千克", "公斤"]),
        (.mass(.tonne), ["t", "吨", "tonne", "tonnes", "ton", "tons"]),
        (.mass(.tenThousandTonnes), ["万t", "万吨", "10^4t", "10000t", "10kt"]),
        (.volume(.normalCubicMetre), ["m3", "Nm3", "立方米", "标准立方米", "标立方", "方", "标方"]),
        (
            .volume(.tenThousandNormalCubicMetres),
            ["万m3", "万Nm3", "万立方米", "万标准立方米", "万标方", "万方", "10^4m3", "10^4Nm3", "10000m3", "10000Nm3"]
        ),
        (.volume(.hundredMillionNormalCubicMetres), ["亿m3", "亿Nm3", "亿立方米", "亿标准立方米", "10^8m3", "10^8Nm3"]),
        (.energy(.kilojoule), ["kJ", "千焦"]),
        (.energy(.megajoule), ["MJ", "兆焦"]),
        (.energy(.gigajoule), ["GJ", "吉焦", "百万千焦", "10^6kJ"]),
        (.energy(.terajoule), ["TJ", "太焦"]),
        (.energy(.kilowattHour), ["kWh", "千瓦时", "度", "kW·h", "kW.h", "kWh(度)"]),
        (.energy(.tenThousandKilowattHours), ["万kWh", "万千瓦时", "万度", "10^4kWh", "10000kWh"]),
        (.energy(.megawattHour), ["MWh", "兆瓦时", "MW·h", "千千瓦时"]),
        (.energy(.gigawattHour), ["GWh", "吉瓦时", "百万千瓦时", "GW·h"]),
        (.standardCoal(.kilogramCoalEquivalent), ["kgce", "千克标准煤", "千克标煤", "公斤标准煤"]),
        (.standardCoal(.tonneCoalEquivalent), ["tce", "吨标准煤", "吨标煤"]),
        (.standardCoal(.tenThousandTonnesCoalEquivalent), ["万tce", "万吨标准煤", "万吨标煤", "10^4tce"]),
    ]
}
