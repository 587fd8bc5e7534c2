import Charts

/// A unit's reduction projects: the list with figures, the abatement cost curve, and the form.
struct ProjectsPage: Sendable {
    struct Row: Sendable {
        let url: String
        let unitCode: String
        let code: String
        let name: String
        let type: String
        let stage: String
        let firstYear: Int
        let verified: Bool
        let tceEquivalent: String
        let tceCalorific: String
        let co2e: String
        let npv: String
        let payback: String
        let cost: String
    }

    struct SavingRow: Sendable {
        let index: Int
        let item: String
        let quantity: String
        let unit: String
    }

    let layout: PageLayout
    /// The page's language, for the forms that ask again (`?lang=`).
    let lang: String
    let heading: String
    let terms: String
    let rows: [Row]
    let hasRows: Bool
    let totals: Row?
    let curve: CostCurveChart?
    let negative: String?
    let interacting: String?
    let gapAction: String
    let gap: String
    let plan: String?
    let createAction: String?
    let types: [RecordForm.Option]
    let stages: [RecordForm.Option]
    /// The measures of the unit and the units above it, for the project to carry out.
    let measures: [RecordForm.Option]
    let savingRows: [SavingRow]
    let problems: [String]
    let hasProblems: Bool
    let values: [String: String]
}

/// One project: what was entered, its savings line by line with the factors used, its economics,
/// its M&V records, and the forms that move its stage and record a measurement.
struct ProjectPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Line: Sendable {
        let item: String
        let quantity: String
        let tceEquivalent: String
        let tceCalorific: String
        let co2eLocation: String
        let co2eMarket: String
        let factors: [String]
    }

    struct Verification: Sendable {
        let year: Int
        let option: String
        let baseline: String
        let adjustments: String
        let savings: String
        let author: String
    }

    let layout: PageLayout
    let heading: String
    let listURL: String
    let facts: [Fact]
    let economics: [Fact]
    let plannedYear: Int
    let planned: [Line]
    let verifiedYear: Int?
    let verified: [Line]
    let hasVerified: Bool
    let verifications: [Verification]
    let hasVerifications: Bool
    let stageAction: String?
    let nextStages: [RecordForm.Option]
    let verifyAction: String?
    let problems: [String]
    let hasProblems: Bool
    let values: [String: String]
}

/// A unit's carbon assets: holdings by lot on a date, the entries, and the form for a new one.
struct AssetsPage: Sendable {
    struct Holding: Sendable {
        let instrument: String
        let vintage: Int
        let lot: String
        let quantity: String
        let value: String
    }

    struct Entry: Sendable {
        let day: String
        let unitCode: String
        let action: String
        let lot: String
        let quantity: String
        let price: String
        let counterparty: String
    }

    let layout: PageLayout
    /// The page's language, for the forms that ask again (`?lang=`).
    let lang: String
    let heading: String
    let date: String
    let dateAction: String
    let holdings: [Holding]
    let hasHoldings: Bool
    let total: String
    let prices: String
    let entries: [Entry]
    let hasEntries: Bool
    let createAction: String?
    let actions: [RecordForm.Option]
    let kinds: [RecordForm.Option]
    let problems: [String]
    let hasProblems: Bool
    let values: [String: String]
}

/// The compliance board of a subtree for a year, and the form that sets a covered unit's year.
struct CompliancePage: Sendable {
    struct Row: Sendable {
        let unitCode: String
        let unitURL: String
        let sector: String
        /// The allocation in tonnes, marked when it comes from benchmarks.
        let allocation: String
        let hasPosition: Bool
        let verified: String
        let obligation: String
        let surrendered: String
        let allowances: String
        let credits: String
        let shortfall: String
        let surplus: String
        let borrowable: String
        let deadline: String
        let light: String
        let lightLabel: String
        let rules: String
    }

    let layout: PageLayout
    /// The page's language, for the forms that ask again (`?lang=`).
    let lang: String
    let heading: String
    let year: Int
    let yearAction: String
    let rows: [Row]
    let hasRows: Bool
    /// Each benchmark allocation of the board, line by line: `unit: benchmark (rule) × output × correction = t`.
    let benchmarkLines: [String]
    let hasBenchmarkLines: Bool
    /// The form's output rows (two, filled from `values`).
    let outputRows: [OutputRow]
    let setAction: String?
    let problems: [String]
    let hasProblems: Bool
    let values: [String: String]

    struct OutputRow: Sendable {
        let n: Int
        let output: String
        let quantity: String
        let correction: String
        let correctionSource: String
    }
}
