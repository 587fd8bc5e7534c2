/// A word-sized trend line with no axes, beside a figure in a table.
public struct Sparkline: Sendable {
    public let width = 96
    public let height = 24
    public let path: String
    /// What the line shows, for its `<title>`.
    public let title: String
    public var isEmpty: Bool { path.isEmpty }

    public init(title: String, values: [Double?]) {
        self.title = title
        let scale = NiceScale(covering: values.compactMap { $0 }, count: 2, includingZero: false)
        let step = values.count > 1 ? 92.0 / Double(values.count - 1) : 0
        var path = ""
        var drawing = false
        for (i, value) in values.enumerated() {
            guard let value else {
                drawing = false
                continue
            }
            let x = 2 + step * Double(i)
            let y = scale.position(value, from: 22, to: 2)
            path += "\(drawing ? "L" : "M")\(coordinate(x)) \(coordinate(y))"
            drawing = true
        }
        self.path = path
    }
}
