import Accounting

/// One project on the marginal abatement cost curve: its levelised cost (the block's height) and
/// its yearly abatement (the block's width).
public struct AbatementBlock: Sendable, Equatable {
    public let code: String
    public let name: String
    public let cost: CarbonPrice
    public let yearlyAbatement: Emissions
    public let interactsWith: [String]

    public init(code: String, name: String, cost: CarbonPrice, yearlyAbatement: Emissions, interactsWith: [String] = []) {
        self.code = code
        self.name = name
        self.cost = cost
        self.yearlyAbatement = yearlyAbatement
        self.interactsWith = interactsWith
    }
}

/// The marginal abatement cost curve (MACC) of a unit's or a subtree's projects: blocks sorted
/// from the cheapest tonne to the dearest, each starting where the one before ends.
public struct AbatementCurve: Sendable {
    /// The blocks in order of cost (then code, so equal costs always come in one order).
    public let blocks: [AbatementBlock]
    /// Where each block starts and ends on the abatement axis, in tCO2e per year.
    public let starts: [Double]
    public let warnings: [AbatementWarning]

    /// A curve of the blocks that abate something; a block that abates nothing has no width.
    public init(_ candidates: [AbatementBlock]) {
        let sorted = candidates.filter { $0.yearlyAbatement.baseValue > 0 }.sorted {
            let a = $0.cost.yuanPerTonne
            let b = $1.cost.yuanPerTonne
            return a != b ? a < b : $0.code < $1.code
        }
        var starts: [Double] = []
        starts.reserveCapacity(sorted.count)
        var position = 0.0
        for block in sorted {
            starts.append(position)
            position += block.yearlyAbatement.baseValue
        }
        blocks = sorted
        self.starts = starts
        total = Emissions(position, .tonneCO2e)
        warnings = Self.warnings(sorted)
    }

    /// Everything the curve's projects abate in a year, if their savings could simply be added.
    public let total: Emissions

    private static func warnings(_ blocks: [AbatementBlock]) -> [AbatementWarning] {
        var warnings: [AbatementWarning] = []
        let negative = blocks.filter { $0.cost.value < 0 }.map(\.code)
        if !negative.isEmpty { warnings.append(.negativeCost(negative)) }
        let present = Set(blocks.map(\.code))
        var pairs: Set<[String]> = []
        for block in blocks {
            for other in block.interactsWith where present.contains(other) && other != block.code {
                pairs.insert([block.code, other].sorted())
            }
        }
        if !pairs.isEmpty { warnings.append(.interacting(pairs.sorted { $0.lexicographicallyPrecedes($1) })) }
        return warnings
    }

    /// The cheapest projects, in order, that together close `gap` (tCO2e a year), and what is left
    /// when even all of them do not. Whole projects only: a project is built or it is not.
    public func closing(_ gap: Emissions) -> GapPlan {
        var chosen: [AbatementBlock] = []
        var closed = 0.0
        let wanted = gap.baseValue
        for block in blocks where closed < wanted {
            chosen.append(block)
            closed += block.yearlyAbatement.baseValue
        }
        let chosenCodes = Set(chosen.map(\.code))
        let interacting = chosen.contains { block in block.interactsWith.contains { chosenCodes.contains($0) } }
        return GapPlan(
            projects: chosen, abated: Emissions(closed, .tonneCO2e),
            remaining: Emissions(max(0, wanted - closed), .tonneCO2e), interacting: interacting)
    }
}

/// What the curve warns of: money-saving blocks (the curve says they pay for themselves; the
/// reader should ask why they are not built yet) and projects marked as interacting.
public enum AbatementWarning: Sendable, Equatable {
    case negativeCost([String])
    case interacting([[String]])
}

/// The projects that would close a gap at the least cost, in the curve's order.
public struct GapPlan: Sendable, Equatable {
    public let projects: [AbatementBlock]
    public let abated: Emissions
    /// The gap still open after every chosen project; zero when they close it.
    public let remaining: Emissions
    /// Whether two of the chosen projects interact, so that `abated` overstates what they achieve.
    public let interacting: Bool

    /// What the chosen projects cost a year in 万元: Σ cost × abatement.
    public var yearlyCost: Money {
        Money(projects.reduce(0) { $0 + $1.cost.applied(to: $1.yearlyAbatement).baseValue }, .tenThousandYuan)
    }
}
