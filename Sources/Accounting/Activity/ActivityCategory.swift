import Foundation

/// What kind of activity a record is, which decides its scope and its formula.
public enum ActivityCategory: String, Sendable, Hashable, CaseIterable {
    case fuelCombustion = "fuel_combustion"
    case process
    case fugitive
    case purchasedElectricity = "purchased_electricity"
    case greenPower = "green_power"
    case purchasedHeat = "purchased_heat"

    public var scope: Scope {
        switch self {
        case .fuelCombustion, .process, .fugitive: .scope1
        case .purchasedElectricity, .greenPower, .purchasedHeat: .scope2
        }
    }

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.fuelCombustion, .zh): "燃料燃烧"
        case (.fuelCombustion, .en): "fuel combustion"
        case (.process, .zh): "工业过程"
        case (.process, .en): "process"
        case (.fugitive, .zh): "逸散排放"
        case (.fugitive, .en): "fugitive"
        case (.purchasedElectricity, .zh): "购入电力"
        case (.purchasedElectricity, .en): "purchased electricity"
        case (.greenPower, .zh): "绿电"
        case (.greenPower, .en): "green power"
        case (.purchasedHeat, .zh): "购入热力"
        case (.purchasedHeat, .en): "purchased heat"
        }
    }

    /// Reads a category as users type it: the code, or its Chinese or English name.
    public init?(parsing text: String) {
        let wanted = UnitOfMeasure.normalise(text).replacingOccurrences(of: "_", with: "")
        let aliases: [ActivityCategory: [String]] = [
            .fuelCombustion: ["燃烧", "化石燃料燃烧", "fuel"],
            .process: ["过程排放", "工业生产过程", "processemissions"],
            .fugitive: ["逸散"],
            .purchasedElectricity: ["外购电力", "净购入电力", "electricity"],
            .greenPower: ["绿色电力", "绿电交易", "greenelectricity"],
            .purchasedHeat: ["外购热力", "净购入热力", "heat"],
        ]
        let match = ActivityCategory.allCases.first { category in
            var names = [category.rawValue, category.name(in: .zh), category.name(in: .en)]
            names += aliases[category, default: []]
            return names.contains { UnitOfMeasure.normalise($0).replacingOccurrences(of: "_", with: "") == wanted }
        }
        guard let match else { return nil }
        self = match
    }
}

/// GHG Protocol scopes. Scope 2 is reported both location-based and market-based.
public enum Scope: String, Sendable, Hashable, CaseIterable {
    case scope1 = "scope1"
    case scope2 = "scope2"
}

/// Which scope-2 figure enters the inventory's total.
public enum Scope2Method: String, Sendable, Hashable, CaseIterable, Codable {
    case location, market
}
