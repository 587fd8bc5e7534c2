import Charts
import Testing

/// The cost curve's geometry by hand: blocks of −50 ¥/t × 100 t and 100 ¥/t × 100 t. The x axis runs
/// 0…200 t over 72…596 (262 px per 100 t); the y axis's nice ticks −50…100 over 226…14.
@Suite("Cost curve geometry")
struct CostCurveChartTests {
    let chart = CostCurveChart(
        id: "c", title: "curve", summary: "s", blocks: [("A", -50, 100), ("B", 100, 100), ("none", 20, 0)],
        header: ["", "cost", "t"], costFormat: { String(Int($0)) }, amountFormat: { String(Int($0)) })

    @Test("blocks side by side, widths by amount, below zero for savings, nothing for a zero width")
    func blocks() {
        #expect(chart.blocks.count == 2)
        #expect(chart.blocks.map(\.kind) == ["saving", "cost"])
        #expect(chart.blocks.map(\.x) == ["72", "334"])
        #expect(chart.blocks.map(\.width) == ["262", "262"])
        // Zero sits a third of the way up from −50 to 100: 226 − 212 × 50/150 = 155.3.
        #expect(chart.zeroY == "155.3")
        #expect(chart.blocks[0].y == "155.3")
        #expect(chart.blocks[1].y == "14")
        #expect(chart.table.rows.count == 3)
    }
}
