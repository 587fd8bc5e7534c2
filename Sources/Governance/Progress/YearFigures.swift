import Accounting

/// A subject's figures for one year as progress reads them: each month's (energy and emissions),
/// and the whole year's to date (with the economic base and the green power, kept by year).
public struct YearFigures: Sendable, Equatable {
    public var months: [Int: MeasuredFigures]
    public var year: MeasuredFigures

    public init(months: [Int: MeasuredFigures], year: MeasuredFigures) {
        self.months = months
        self.year = year
    }

    /// The last month with figures (data are taken to run through it); nil for none.
    public var lastMonth: Int? { months.keys.filter { (1...12).contains($0) }.max() }

    /// A whole year has figures for December.
    public var isComplete: Bool { lastMonth == 12 }
}
