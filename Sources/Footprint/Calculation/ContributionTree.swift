/// Where a footprint comes from, as a tree: the declared product, what it takes from each provider,
/// what each of those takes, and so on — each node with the amount taken and the footprint that comes
/// with it (the provider's unit score × the amount). Loops make the true tree infinite; it is cut at
/// a depth and below a share of the total, and what is cut is still inside each node's total.
public struct ContributionNode: Sendable, Equatable {
    public let column: Int
    /// The amount of the column's product taken, in its unit.
    public let amount: Double
    /// kg CO2e that come with it, upstream included.
    public let total: Double
    /// kg CO2e of the column's own emissions for that amount.
    public let direct: Double
    public let children: [ContributionNode]
}

extension FootprintCalculation {
    public func contributionTree(_ result: FootprintResult, depth: Int = 4, share cutoff: Double = 0.01)
        -> ContributionNode
    {
        let a = system.technosphere
        let direct = system.interventions.multiplyTransposed(system.characterisation)
        let limit = abs(result.total) * cutoff
        func node(_ column: Int, amount: Double, level: Int) -> ContributionNode {
            let runs = amount / system.netOutput(column)
            var children: [ContributionNode] = []
            if level < depth {
                for p in a.columnStarts[column]..<a.columnStarts[column + 1] {
                    let row = Int(a.rowIndices[p])
                    guard row != column, a.values[p] < 0 else { continue }
                    let taken = -a.values[p] * runs
                    guard abs(taken * result.unitScores[row]) >= limit else { continue }
                    children.append(node(row, amount: taken, level: level + 1))
                }
                children.sort { abs($0.total) > abs($1.total) }
            }
            return ContributionNode(
                column: column, amount: amount, total: amount * result.unitScores[column],
                direct: runs * direct[column],
                children: children)
        }
        return node(system.declaredColumn, amount: system.demand[system.declaredColumn], level: 0)
    }
}
