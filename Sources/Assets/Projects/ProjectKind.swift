import Accounting

/// What a reduction project (减排项目) does; it decides nothing in the arithmetic, but lists and
/// the abatement curve are read by it.
public enum ProjectType: String, Sendable, Hashable, CaseIterable, Codable {
    case efficiency
    case fuelSwitch = "fuel_switch"
    case onsiteRenewables = "onsite_renewables"
    case processChange = "process_change"
    case methaneCapture = "methane_capture"
    case ccus
    case sinks
    case other

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.efficiency, .zh): "节能改造"
        case (.efficiency, .en): "energy efficiency"
        case (.fuelSwitch, .zh): "燃料替代"
        case (.fuelSwitch, .en): "fuel switch"
        case (.onsiteRenewables, .zh): "自建可再生能源"
        case (.onsiteRenewables, .en): "on-site renewables"
        case (.processChange, .zh): "工艺改进"
        case (.processChange, .en): "process change"
        case (.methaneCapture, .zh): "甲烷回收利用(沼气)"
        case (.methaneCapture, .en): "methane capture / biogas"
        case (.ccus, .zh): "碳捕集利用与封存"
        case (.ccus, .en): "CCUS"
        case (.sinks, .zh): "碳汇"
        case (.sinks, .en): "carbon sinks"
        case (.other, .zh): "其他"
        case (.other, .en): "other"
        }
    }
}

/// Where a project stands. A project moves forward one stage at a time, or is closed from any
/// stage (a plan dropped, a plant shut); a closed project stays closed.
public enum ProjectStage: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case planned, approved, building, operating, closed

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.planned, .zh): "计划"
        case (.planned, .en): "planned"
        case (.approved, .zh): "已批准"
        case (.approved, .en): "approved"
        case (.building, .zh): "建设中"
        case (.building, .en): "building"
        case (.operating, .zh): "运行中"
        case (.operating, .en): "operating"
        case (.closed, .zh): "已关闭"
        case (.closed, .en): "closed"
        }
    }

    public func canMove(to next: ProjectStage) -> Bool {
        guard self != .closed else { return false }
        if next == .closed { return true }
        let order = Self.allCases
        return order.firstIndex(of: next) == order.firstIndex(of: self)! + 1
    }

    /// Whether the project's savings are real yet (operating) or still a plan.
    public var delivers: Bool { self == .operating }

    public static func < (lhs: ProjectStage, rhs: ProjectStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
