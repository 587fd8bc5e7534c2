import Accounting
import Assets
import Foundation

/// A reduction project as kept: what its unit's carbon manager entered, never a derived figure
/// (`ProjectAssessment` derives those from the factor library when it is read).
public struct StoredProject: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let regionCode: String
    public let code: String
    public let name: String
    public let type: ProjectType
    public let stage: ProjectStage
    public let firstYear: Int
    public let lifetimeYears: Int
    public let capex: Double
    public let yearlyOpex: Double
    public let yearlyBenefit: Double
    public let savings: [ProjectDraft.SavingDraft]
    public let interactsWith: [String]
    public let targetId: Int64?
    public let measureId: Int64?
    public let createdBy: String
    public let updatedAt: String

    /// The project as the domain reads it (stored projects were checked when saved).
    public var project: ReductionProject? {
        guard let region = RegionCode(regionCode) else { return nil }
        return try? draft.project(unitCode: unitCode, region: region).get()
    }

    public var draft: ProjectDraft {
        ProjectDraft(
            code: code, name: name, type: type.rawValue, stage: stage.rawValue, firstYear: firstYear,
            lifetimeYears: lifetimeYears, capex: capex, yearlyOpex: yearlyOpex, yearlyBenefit: yearlyBenefit,
            savings: savings, interactsWith: interactsWith, targetId: targetId, measureId: measureId)
    }
}

/// A measurement-and-verification record (测量与验证) of a project's savings over a year: the
/// IPMVP / GB/T 28750 option used, the baseline and adjustments as the verifier describes them, and
/// the savings by carrier measured in the reporting period. The latest record of a year turns that
/// year's planned savings into verified ones.
public struct StoredVerification: Sendable, Codable, Equatable {
    public let id: Int64
    public let projectId: Int64
    public let year: Int
    public let option: VerificationOption
    public let baseline: String
    public let adjustments: String
    public let savings: [ProjectDraft.SavingDraft]
    /// The product method's figures (GB/T 13234) when the saving was measured that way.
    public let productUnit: ProductUnitSavings?
    public let createdBy: String
    public let createdAt: String
}

/// The four options of IPMVP (adopted by GB/T 28750-2012 节能量测量和验证技术通则).
public enum VerificationOption: String, Sendable, Codable, CaseIterable {
    /// A: retrofit isolation, key parameters measured.
    case a = "A"
    /// B: retrofit isolation, all parameters measured.
    case b = "B"
    /// C: the whole facility's meters.
    case c = "C"
    /// D: calibrated simulation.
    case d = "D"
}

/// What a new M&V record says.
public struct NewVerification: Sendable, Codable {
    public var year: Int?
    public var option: String?
    public var baseline: String?
    public var adjustments: String?
    public var savings: [ProjectDraft.SavingDraft]?
    /// Or the saving by the product method of GB/T 13234, counted as tce of a coal.
    public var productUnit: ProductUnitSavings?

    public init(
        year: Int?, option: String?, baseline: String?, adjustments: String? = nil, savings: [ProjectDraft.SavingDraft]?,
        productUnit: ProductUnitSavings? = nil
    ) {
        self.year = year
        self.option = option
        self.baseline = baseline
        self.adjustments = adjustments
        self.savings = savings
        self.productUnit = productUnit
    }

    /// The savings the record measures: as given by carrier, or the product method's as tce of its coal.
    public var measuredSavings: [ProjectDraft.SavingDraft]? {
        if let productUnit { return [productUnit.saving] }
        return savings
    }
}

enum ProjectJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(type, from: Data(text.utf8))
    }
}
