import Accounting

/// A block of computed lines, ready to write: what the reading side of a recalculation hands the
/// writing side while it reads on (SQLite: between threads; PostgreSQL: between tasks).
struct LineBlock: Sendable {
    var recordIDs: [Int64] = []
    var unitIDs: [Int64] = []
    var months: [Int8] = []
    var lineageIDs: [Int64] = []
    var location: [Double] = []
    var market: [Double] = []
    var calorific: [Double] = []
    var equivalent: [Double] = []

    var count: Int { recordIDs.count }

    init(_ lines: ComputedLines, input: CalculationInput, rows: Range<Int>, lineageOfKey: [Int64]) {
        for row in rows {
            recordIDs.append(input.recordIDs[row])
            unitIDs.append(input.unitID(ofRow: row))
            months.append(input.months[row])
            lineageIDs.append(lineageOfKey[Int(input.keyIndexes[row])])
        }
        location = Array(lines.location[rows])
        market = Array(lines.market[rows])
        calorific = Array(lines.calorific[rows])
        equivalent = Array(lines.equivalent[rows])
    }
}

/// What the reading side ends with: every line (for the totals, factors and audit entry), the
/// lineages and the summaries.
struct LineReading: Sendable {
    let lines: ComputedLines
    let lineages: [[BulkValue]]
    let summaries: [(subject: String, json: String)]
}

/// Turns records as they are read into blocks of lines: after each stretch of records, the lines
/// of the rows not yet handed over, each with its lineage id. A key without factors stops the
/// blocks (the recalculation will fail) but not the reading, so the error names every row it
/// concerns.
struct LineBlocks {
    private var lines: ComputedLines
    private var lineages = LineageTable()
    private var sent = 0

    init(_ lines: ComputedLines) { self.lines = lines }

    /// The lines of the rows `input` gained since the last block, or nil when there are none to write.
    mutating func next(after input: CalculationInput) throws -> LineBlock? {
        lines.extend(from: input)
        guard !lines.hasFailures else { return nil }
        for k in lineages.idOfKey.count..<input.keys.count {
            try lineages.add(lines.template(ofKey: k)!, of: input.keys[k])
        }
        guard sent < input.count else { return nil }
        let block = LineBlock(lines, input: input, rows: sent..<input.count, lineageOfKey: lineages.idOfKey)
        sent = input.count
        return block
    }

    /// Every line, the lineages and the summaries, once every record is read; throws the rows
    /// whose factors are missing.
    mutating func finish(input: CalculationInput, rows: InventoryRows) throws -> LineReading {
        let (lines, lineages) = try finishLines(input: input)
        return LineReading(lines: lines, lineages: lineages, summaries: rows.with(lines: lines).summaries())
    }

    /// Every line and the lineages, once every record is read, for a writer that builds the
    /// summaries itself; throws the rows whose factors are missing.
    mutating func finishLines(input: CalculationInput) throws -> (lines: ComputedLines, lineages: [[BulkValue]]) {
        try lines.finish(input: input)
        return (lines, lineages.rows)
    }
}
