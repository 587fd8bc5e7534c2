/// Why a matrix could not be factorised or solved. Indices are the caller's own row and column
/// numbers, so the caller can name the process or product behind them.
public enum SparseLUError: Error, Equatable, Sendable {
    /// The arrays do not describe a matrix (the text says how).
    case malformed(String)
    /// A square matrix was needed.
    case notSquare(rows: Int, columns: Int)
    /// A factorisation was asked of a matrix whose pattern differs from the analysed one.
    case patternChanged
    /// The matrix is singular: no pivot could be found for this column (a product nobody makes, a
    /// process whose output is zero, or a set of processes whose columns depend on one another).
    case singular(column: Int)
    /// A value of the matrix is not finite (NaN or an infinity) at this place.
    case notFinite(row: Int, column: Int)
    /// The coupled part of a cycle is too large to factorise in the memory allowed.
    case cycleTooLarge(size: Int, largest: Int)
}
