/// A square or rectangular matrix in compressed sparse column form: the entries of column `j` are
/// `rowIndices[columnStarts[j] ..< columnStarts[j + 1]]` with their `values`. Each column's rows are
/// distinct (duplicates are summed when the matrix is built from triplets); their order is free.
public struct SparseMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    public let columnStarts: [Int]
    public let rowIndices: [Int32]
    public private(set) var values: [Double]

    public var nonZeroCount: Int { rowIndices.count }

    /// Takes the three arrays of compressed sparse column form as they are, after checking that they
    /// describe a matrix: the starts rise from 0 to the number of entries, every row is in range and
    /// no row appears twice in a column.
    public init(rowCount: Int, columnCount: Int, columnStarts: [Int], rowIndices: [Int32], values: [Double]) throws {
        guard rowCount >= 0, columnCount >= 0, rowCount <= Int(Int32.max), columnCount <= Int(Int32.max) else {
            throw SparseLUError.malformed("dimensions \(rowCount) × \(columnCount) out of range")
        }
        guard columnStarts.count == columnCount + 1, columnStarts.first == 0,
            columnStarts.last == rowIndices.count, rowIndices.count == values.count,
            rowIndices.count <= Int(Int32.max)
        else {
            throw SparseLUError.malformed(
                "column starts, row indices and values do not describe \(columnCount) columns")
        }
        var lastSeen = [Int](repeating: -1, count: rowCount)
        for column in 0..<columnCount {
            guard columnStarts[column] <= columnStarts[column + 1] else {
                throw SparseLUError.malformed("column starts fall at column \(column)")
            }
            for position in columnStarts[column]..<columnStarts[column + 1] {
                let row = Int(rowIndices[position])
                guard row >= 0, row < rowCount else {
                    throw SparseLUError.malformed("row \(row) of column \(column) is outside 0..<\(rowCount)")
                }
                guard lastSeen[row] != column else {
                    throw SparseLUError.malformed("row \(row) appears twice in column \(column)")
                }
                lastSeen[row] = column
            }
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.columnStarts = columnStarts
        self.rowIndices = rowIndices
        self.values = values
    }

    /// Builds the matrix from (row, column, value) triplets; triplets at the same place are summed,
    /// as a life-cycle model's two exchanges of one product between the same processes add up.
    public init(rowCount: Int, columnCount: Int, triplets: [(row: Int, column: Int, value: Double)]) throws {
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for triplet in triplets {
            guard triplet.row >= 0, triplet.row < rowCount, triplet.column >= 0, triplet.column < columnCount else {
                throw SparseLUError.malformed(
                    "entry (\(triplet.row), \(triplet.column)) is outside \(rowCount) × \(columnCount)")
            }
            counts[triplet.column + 1] += 1
        }
        for column in 0..<columnCount { counts[column + 1] += counts[column] }
        var next = counts
        var rows = [Int32](repeating: 0, count: triplets.count)
        var entries = [Double](repeating: 0, count: triplets.count)
        for triplet in triplets {
            rows[next[triplet.column]] = Int32(triplet.row)
            entries[next[triplet.column]] = triplet.value
            next[triplet.column] += 1
        }
        // Sum duplicates column by column, keeping each row's first place.
        var place = [Int](repeating: -1, count: rowCount)
        var starts = [Int](repeating: 0, count: columnCount + 1)
        var kept = 0
        for column in 0..<columnCount {
            let first = kept
            for position in counts[column]..<counts[column + 1] {
                let row = Int(rows[position])
                if place[row] >= first {
                    entries[place[row]] += entries[position]
                } else {
                    place[row] = kept
                    rows[kept] = rows[position]
                    entries[kept] = entries[position]
                    kept += 1
                }
            }
            starts[column + 1] = kept
        }
        try self.init(
            rowCount: rowCount, columnCount: columnCount, columnStarts: starts,
            rowIndices: Array(rows[0..<kept]), values: Array(entries[0..<kept]))
    }

    /// The same pattern with other values (a Monte Carlo draw), in the order of `values`.
    public func withValues(_ newValues: [Double]) throws -> SparseMatrix {
        guard newValues.count == values.count else {
            throw SparseLUError.malformed("\(newValues.count) values for \(values.count) entries")
        }
        var copy = self
        copy.values = newValues
        return copy
    }

    /// Where the entry at (row, column) is kept in `values`, or nil when the pattern has none there.
    public func position(row: Int, column: Int) -> Int? {
        (columnStarts[column]..<columnStarts[column + 1]).first { Int(rowIndices[$0]) == row }
    }

    /// y = M x.
    public func multiply(_ x: [Double]) -> [Double] {
        precondition(x.count == columnCount, "x has \(x.count) entries for \(columnCount) columns")
        var y = [Double](repeating: 0, count: rowCount)
        for column in 0..<columnCount where x[column] != 0 {
            let xj = x[column]
            for position in columnStarts[column]..<columnStarts[column + 1] {
                y[Int(rowIndices[position])] += values[position] * xj
            }
        }
        return y
    }

    /// y = Mᵀ x.
    public func multiplyTransposed(_ x: [Double]) -> [Double] {
        precondition(x.count == rowCount, "x has \(x.count) entries for \(rowCount) rows")
        var y = [Double](repeating: 0, count: columnCount)
        for column in 0..<columnCount {
            var sum = 0.0
            for position in columnStarts[column]..<columnStarts[column + 1] {
                sum += values[position] * x[Int(rowIndices[position])]
            }
            y[column] = sum
        }
        return y
    }

    /// The dense form, row by row; for tests and small systems.
    public func dense() -> [[Double]] {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: columnCount), count: rowCount)
        for column in 0..<columnCount {
            for position in columnStarts[column]..<columnStarts[column + 1] {
                rows[Int(rowIndices[position])][column] = values[position]
            }
        }
        return rows
    }
}
