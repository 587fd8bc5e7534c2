import Accounting

/// The stage of the life cycle a process belongs to (GB/T 24067-2024 and ISO 14067 name these; the
/// battery rules group them into four, see `BatteryStage`).
public enum LifeCycleStage: String, Codable, Sendable, CaseIterable, Hashable {
    case rawMaterial = "raw_material"
    case production
    case distribution
    case use
    case endOfLife = "end_of_life"

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.rawMaterial, .zh): "原材料获取"
        case (.rawMaterial, .en): "raw material acquisition"
        case (.production, .zh): "生产"
        case (.production, .en): "production"
        case (.distribution, .zh): "分销"
        case (.distribution, .en): "distribution"
        case (.use, .zh): "使用"
        case (.use, .en): "use"
        case (.endOfLife, .zh): "生命末期"
        case (.endOfLife, .en): "end of life"
        }
    }

    /// The battery rules' stage (EU 2023/1542 Annex II, and China's 2025 traction-battery notice
    /// after it): the use stage is excluded from a battery's declared footprint.
    public var batteryStage: BatteryStage? {
        switch self {
        case .rawMaterial: .rawMaterialAndPreProcessing
        case .production: .mainProductProduction
        case .distribution: .distribution
        case .use: nil
        case .endOfLife: .endOfLifeAndRecycling
        }
    }
}

/// The four stages of a battery's declared carbon footprint.
public enum BatteryStage: String, Codable, Sendable, CaseIterable, Hashable {
    case rawMaterialAndPreProcessing = "raw_material_and_pre_processing"
    case mainProductProduction = "main_product_production"
    case distribution
    case endOfLifeAndRecycling = "end_of_life_and_recycling"

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.rawMaterialAndPreProcessing, .zh): "原材料获取与预处理"
        case (.rawMaterialAndPreProcessing, .en): "raw material acquisition and pre-processing"
        case (.mainProductProduction, .zh): "主要产品生产"
        case (.mainProductProduction, .en): "main product production"
        case (.distribution, .zh): "分销"
        case (.distribution, .en): "distribution"
        case (.endOfLifeAndRecycling, .zh): "生命末期与回收"
        case (.endOfLifeAndRecycling, .en): "end of life and recycling"
        }
    }
}
