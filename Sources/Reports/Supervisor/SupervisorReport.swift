import Accounting

/// A supervisor's periodic report (监管报告) on a unit's subtree — a state-asset supervisor's
/// enterprises, a group's subsidiaries — for a year as of a day: the four indicators with last
/// year's, each child's, the targets with their progress and light, the warnings, the overdue
/// measures and how complete the data are. One model; the page, workbook, JSON and PDF draw on it.
public struct SupervisorReport: Sendable, Codable, Equatable {
    public struct Basis: Sendable, Codable, Equatable {
        public let unitCode: String
        public let unitName: String
        public let year: Int
        /// The day the report is as of (`YYYY-MM-DD`, Beijing): targets judged and measures overdue by then.
        public let asOf: String
        public let scope2Method: Scope2Method

        public init(unitCode: String, unitName: String, year: Int, asOf: String, scope2Method: Scope2Method) {
            self.unitCode = unitCode
            self.unitName = unitName
            self.year = year
            self.asOf = asOf
            self.scope2Method = scope2Method
        }
    }

    /// The four indicators (能源消费总量、碳排放总量、能耗强度、碳排放强度) of a subject. Intensities are
    /// per 万元 of output value at constant prices; nil without economic data.
    public struct Indicators: Sendable, Codable, Equatable {
        public let energyTce: Double
        public let co2eT: Double
        public let energyIntensity: Double?
        public let carbonIntensity: Double?

        public init(_ figures: IndicatorFigures, method: Scope2Method) {
            energyTce = figures.energyCalorific.value(in: .tonneCoalEquivalent)
            co2eT = figures.emissions(method).value(in: .tonneCO2e)
            energyIntensity = figures.energyIntensity(per: .outputValue)?.value
            carbonIntensity = figures.carbonIntensity(per: .outputValue, method: method)?.value
        }
    }

    public struct ChildLine: Sendable, Codable, Equatable {
        public let code: String
        public let name: String
        public let indicators: Indicators

        public init(code: String, name: String, indicators: Indicators) {
            self.code = code
            self.name = name
            self.indicators = indicators
        }
    }

    /// A target and its progress as judged on the report's day.
    public struct TargetLine: Sendable, Codable, Equatable {
        public let name: String
        public let subject: String
        /// `energy_total`, `carbon_total`, `energy_intensity`, `carbon_intensity`, `coal_total`.
        public let indicator: String
        /// The indicator's name in the report's language.
        public let indicatorName: String
        /// The unit the amounts are in (`tce`, `tCO2e/万元` …).
        public let unit: String
        public let year: Int
        public let limit: Double?
        public let toDate: Double?
        public let forecast: Double?
        /// Forecast ÷ limit.
        public let ratio: Double?
        /// `green`, `yellow`, `red`, `unknown`.
        public let light: String

        public init(
            name: String, subject: String, indicator: String, indicatorName: String, unit: String, year: Int,
            limit: Double?, toDate: Double?, forecast: Double?, ratio: Double?, light: String
        ) {
            self.name = name
            self.subject = subject
            self.indicator = indicator
            self.indicatorName = indicatorName
            self.unit = unit
            self.year = year
            self.limit = limit
            self.toDate = toDate
            self.forecast = forecast
            self.ratio = ratio
            self.light = light
        }
    }

    /// A measure past its deadline and not done.
    public struct MeasureLine: Sendable, Codable, Equatable {
        public let unitCode: String
        public let title: String
        public let owner: String
        public let deadline: String

        public init(unitCode: String, title: String, owner: String, deadline: String) {
            self.unitCode = unitCode
            self.title = title
            self.owner = owner
            self.deadline = deadline
        }
    }

    /// The year's reporting periods of the subtree by state, and how many are late.
    public struct Completeness: Sendable, Codable, Equatable {
        public let periods: Int
        public let byStatus: [String: Int]
        public let late: Int

        public init(periods: Int, byStatus: [String: Int], late: Int) {
            self.periods = periods
            self.byStatus = byStatus
            self.late = late
        }
    }

    public let basis: Basis
    public let indicators: Indicators
    /// Last year's, when an inventory covers it.
    public let previousYear: Indicators?
    public let children: [ChildLine]
    /// Red first, then yellow, unknown, green.
    public let targets: [TargetLine]
    public let overdueMeasures: [MeasureLine]
    public let completeness: Completeness

    public init(
        basis: Basis, indicators: Indicators, previousYear: Indicators?, children: [ChildLine], targets: [TargetLine],
        overdueMeasures: [MeasureLine], completeness: Completeness
    ) {
        self.basis = basis
        self.indicators = indicators
        self.previousYear = previousYear
        self.children = children.sorted { $0.indicators.co2eT != $1.indicators.co2eT ? $0.indicators.co2eT > $1.indicators.co2eT : $0.code < $1.code }
        let order = ["red": 0, "yellow": 1, "unknown": 2, "green": 3]
        self.targets = targets.sorted { (order[$0.light] ?? 4, $0.name) < (order[$1.light] ?? 4, $1.name) }
        self.overdueMeasures = overdueMeasures.sorted { ($0.deadline, $0.unitCode) < ($1.deadline, $1.unitCode) }
        self.completeness = completeness
    }

    /// Targets whose light is red or yellow.
    public var warnings: [TargetLine] { targets.filter { $0.light == "red" || $0.light == "yellow" } }
}
