import Testing

@testable import Charts

@Suite("Tile maps")
struct TileMapTests {
    @Test("north is up and west is left; every place gets its own tile; places without a position follow")
    func arrangement() {
        // Four Sichuan seats (longitude, latitude): Guangyuan north-east, Panzhihua far south-west,
        // Chengdu in the middle, Dazhou east.
        let cells = TileMap.arrange([
            (105.84, 32.44), (101.72, 26.58), (104.06, 30.67), (107.5, 31.22), nil,
        ])
        let (guangyuan, panzhihua, chengdu, dazhou, unknown) = (cells[0], cells[1], cells[2], cells[3], cells[4])
        #expect(guangyuan.row < chengdu.row && chengdu.row < panzhihua.row)
        #expect(panzhihua.column < chengdu.column && chengdu.column < dazhou.column)
        #expect(Set(cells.map { $0.row * 1000 + $0.column }).count == 5, "no two places share a tile")
        #expect(unknown.row == max(guangyuan.row, panzhihua.row, chengdu.row, dazhou.row) + 1)
        // With no positions at all the tiles read from the top left.
        #expect(TileMap.arrange([nil, nil, nil]).map(\.row).min() == 0)
    }

    @Test("labels too long for a tile are shortened; the whole name stays in the title")
    func labels() {
        let map = TileMap(
            title: "",
            places: [
                .init(
                    label: "阿坝藏族羌族自治州", detail: "1.2", style: "light-green", url: "/r/5132", longitude: 102.2,
                    latitude: 31.9)
            ])
        #expect(map.tiles[0].label == "阿坝藏族羌…")
        #expect(map.tiles[0].title == "阿坝藏族羌族自治州 1.2")
        #expect(TileMap.shortened("Ganzi Autonomous Prefecture") == "Ganzi")
        #expect(TileMap.shortened("Mianyang City") == "Mianyang City")
        #expect(TileMap.shortened("Xishuangbannaautonomous") == "Xishuangbanna…")
    }
}
