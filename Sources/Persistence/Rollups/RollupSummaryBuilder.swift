import Accounting
import Foundation

/// Builds the summaries of an inventory — every unit of its subtree (control approach) and, for an
/// inventory of a whole tree, every province, city and county its units are in — as the JSON of
/// `RollupSummary`. A province has ten thousand units and millions of lines, so the work is done on
/// dense rows of numbers: each line adds into its unit's month, scope, item and category columns,
/// units add into their parents bottom-up, and each summary is written out as JSON by hand.
enum RollupSummaryBuilder {
    /// Five figures per column: scope 1, scope 2 location, scope 2 market (tCO2e), 当量值, 等价值 (tce).
    static let width = 5

    /// The columns of a dense summary: 13 months (0 for whole-year records), then the scopes, items
    /// and categories that occur in the inventory.
    struct Columns {
        var scopes: [String] = []
        var items: [String] = []
        var categories: [String] = []
        /// Per key of the lines: its scope, item and category columns.
        var ofKey: [(scope: Int, item: Int, category: Int)] = []

        init(_ lines: ComputedLines) {
            var scopeIndex: [String: Int] = [:]
            var itemIndex: [String: Int] = [:]
            var categoryIndex: [String: Int] = [:]
            func index(_ name: String, _ table: inout [String: Int], _ names: inout [String]) -> Int {
                if let known = table[name] { return known }
                names.append(name)
                table[name] = names.count - 1
                return names.count - 1
            }
            let keys = zip(lines.templates, lines.input.keys).map {
                (
                    index($0.0.scope.rawValue, &scopeIndex, &scopes), index($0.1.item.code, &itemIndex, &items),
                    index($0.1.category.rawValue, &categoryIndex, &categories)
                )
            }
            ofKey = keys.map {
                (13 + $0.0, 13 + scopes.count + $0.1, 13 + scopes.count + items.count + $0.2)
            }
        }

        var count: Int { 13 + scopes.count + items.count + categories.count }
    }

    /// One subject's figures.
    struct Dense: Sendable {
        var cells: [Double]
        var present: [Bool]
        var economic: [Double?] = [nil, nil]
        var children: [String: [Double]] = [:]
        var childEconomic: [String: [Double?]] = [:]

        init(columns: Int) {
            cells = [Double](repeating: 0, count: columns * width)
            present = [Bool](repeating: false, count: columns)
        }

        /// Adds another subject's figures and economic data (not its children).
        mutating func add(_ other: Dense) {
            for i in cells.indices { cells[i] += other.cells[i] }
            for i in present.indices where other.present[i] { present[i] = true }
            economic = RollupSummary.addEconomic(economic, other.economic)
        }

        /// The sum over the scope columns: the subject's total.
        func total(scopeColumns: Range<Int>) -> [Double] {
            var sum = [Double](repeating: 0, count: width)
            for c in scopeColumns { for j in 0..<width { sum[j] += cells[c * width + j] } }
            return sum
        }

        mutating func addChild(_ key: String, total: [Double], economic: [Double?]) {
            children[key] = RollupSummary.add(children[key], total)
            childEconomic[key] = RollupSummary.addEconomic(childEconomic[key] ?? [nil, nil], economic)
        }
    }

    /// The summaries by subject (`u:<unit id>`, `r:<region prefix>`), as JSON, sorted by subject.
    static func build(
        lines: ComputedLines, economic: [Int64: [Double?]], includeRegions: Bool
    ) -> [(subject: String, json: String)] {
        let summed = subjects(lines: lines, economic: economic, includeRegions: includeRegions)
        return summed.json(0..<summed.count)
    }

    /// The summaries' figures, added up by subject and sorted by it, not yet written as JSON.
    struct Subjects: Sendable {
        let subjects: [(String, Dense)]
        let names: [(group: String, name: String)]

        var count: Int { subjects.count }

        /// The subjects in `range` as JSON, written on every core.
        func json(_ range: Range<Int>) -> [(subject: String, json: String)] {
            var json = [String](repeating: "", count: range.count)
            json.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, range.count / 256 + 1))
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    for i in stride(from: part, to: range.count, by: parts) {
                        out[i] = RollupSummaryBuilder.encode(subjects[range.lowerBound + i].1, names: names)
                    }
                }
            }
            return zip(subjects[range], json).map { ($0.0.0, $0.1) }
        }
    }

    /// Every subject's figures: its own lines' and, bottom-up, its descendants'.
    static func subjects(lines: ComputedLines, economic: [Int64: [Double?]], includeRegions: Bool) -> Subjects {
        let columns = Columns(lines)
        let scopeColumns = 13..<(13 + columns.scopes.count)
        let units = lines.input.units
        var own = ownFigures(lines, columns: columns)
        for (u, unit) in units.enumerated() { own[u].economic = economic[unit.id] ?? [nil, nil] }

        var subjects: [(String, Dense)] = []
        if includeRegions {
            var regions: [String: Dense] = [:]
            for (u, unit) in units.enumerated() {
                let code = unit.regionCode
                // Units registered at a province or city itself (510000, 510100) count there only.
                for length in [2, 4, 6] where code.count >= length {
                    let prefix = String(code.prefix(length))
                    if length > 2, prefix.hasSuffix("00") { continue }
                    var region = regions[prefix] ?? Dense(columns: columns.count)
                    region.add(own[u])
                    if length < 6 {
                        let child = String(code.prefix(length + 2))
                        if !child.hasSuffix("00") {
                            region.addChild(
                                RegionPrefix(child)?.code ?? child, total: own[u].total(scopeColumns: scopeColumns),
                                economic: own[u].economic)
                        }
                    }
                    regions[prefix] = region
                }
            }
            subjects += regions.map { ("r:" + $0.key, $0.value) }
        }
        // Bottom-up over the tree: children before parents.
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.id, $0.offset) })
        var depth = [Int](repeating: -1, count: units.count)
        func depthOf(_ u: Int) -> Int {
            if depth[u] >= 0 { return depth[u] }
            let d = units[u].parentID.flatMap { index[$0] }.map { depthOf($0) + 1 } ?? 0
            depth[u] = d
            return d
        }
        for u in units.indices { _ = depthOf(u) }
        var rolled = own
        for u in units.indices.sorted(by: { depth[$0] > depth[$1] }) {
            guard let parentID = units[u].parentID, let p = index[parentID] else { continue }
            rolled[p].add(rolled[u])
            rolled[p].addChild(
                String(units[u].id), total: rolled[u].total(scopeColumns: scopeColumns), economic: rolled[u].economic)
        }
        subjects += units.indices.map { ("u:\(units[$0].id)", rolled[$0]) }
        subjects.sort { $0.0 < $1.0 }
        let names: [(group: String, name: String)] =
            (0..<13).map { ("months", $0 == 0 ? "year" : String($0)) } + columns.scopes.map { ("scopes", $0) }
            + columns.items.map { ("items", $0) } + columns.categories.map { ("categories", $0) }
        return Subjects(subjects: subjects, names: names)
    }

    /// Each unit's own figures (without its descendants).
    static func ownFigures(_ lines: ComputedLines, columns: Columns) -> [Dense] {
        let input = lines.input
        var own = [Dense](repeating: Dense(columns: columns.count), count: input.units.count)
        for row in 0..<lines.count {
            let u = Int(input.unitIndexes[row])
            let key = columns.ofKey[Int(input.keyIndexes[row])]
            let figures = lines.cell(row)
            // Four columns by hand: an array literal here would be allocated for each of millions of rows.
            add(figures, to: Int(input.months[row]), of: &own[u])
            add(figures, to: key.scope, of: &own[u])
            add(figures, to: key.item, of: &own[u])
            add(figures, to: key.category, of: &own[u])
        }
        return own
    }

    private static func add(
        _ figures: (Double, Double, Double, Double, Double), to column: Int, of dense: inout Dense
    ) {
        let base = column * width
        dense.cells[base] += figures.0
        dense.cells[base + 1] += figures.1
        dense.cells[base + 2] += figures.2
        dense.cells[base + 3] += figures.3
        dense.cells[base + 4] += figures.4
        dense.present[column] = true
    }

    static func encode(_ dense: Dense, names: [(group: String, name: String)]) -> String {
        var text = "{"
        for group in ["months", "scopes", "items", "categories"] {
            text += "\"\(group)\":{"
            var first = true
            for (column, name) in names.enumerated() where name.group == group && dense.present[column] {
                if !first { text += "," }
                first = false
                text += quoted(name.name) + ":" + numbers(dense.cells[column * width..<(column + 1) * width])
            }
            text += "},"
        }
        text += "\"children\":{"
        text += dense.children.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + numbers($0.value) }
            .joined(separator: ",")
        text += "},\"economic\":" + optionalNumbers(dense.economic) + ",\"childEconomic\":{"
        text += dense.childEconomic.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + optionalNumbers($0.value) }
            .joined(separator: ",")
        return text + "}}"
    }

    /// A JSON array; Swift writes each Double in its shortest form that reads back exactly.
    static func numbers(_ values: some Collection<Double>) -> String {
        "[" + values.map { $0.isFinite ? String($0) : "null" }.joined(separator: ",") + "]"
    }

    static func optionalNumbers(_ values: [Double?]) -> String {
        "[" + values.map { $0.map { $0.isFinite ? String($0) : "null" } ?? "null" }.joined(separator: ",") + "]"
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
