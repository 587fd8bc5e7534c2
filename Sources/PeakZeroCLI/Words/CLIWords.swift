import Accounting

/// The words the command line prints, in `CLIWords+zh.swift` and `CLIWords+en.swift`. A table's
/// header is one entry with a line per column, the same number in both languages.
enum CLIWords: String, MessageKey {
    // `calc --format table`.
    case locationBased, marketBased, summaryHeader, totalEmissions, scope1Direct, scope2Location, scope2Market
    case energyCalorific, energyEquivalent, gasHeader, itemHeader, periodHeader, linesHeader, measured
    case inventoryHeading, inventoryOptions, inventoryHint, total, unverifiedFactor, progress
    // `calc` notes.
    case ignoredColumn, problemNoTotals, problemsNoTotals
    // `factors`.
    case itemsHeader, factorsHeader, gradesLegend, factorLibrary, grade, noFactorsForItem
    case fieldRegion, fieldVariant, fieldYear, fieldSource, fieldDocument, fieldPublished, fieldNotes, fieldSet
    // `audit verify`.
    case auditIntact, auditAltered, auditBrokenLink, auditBroken
    // `pathway decompose`.
    case decompositionAdditive, decompositionMultiplicative, decompositionHeader, decompositionTotal
    case decompositionStep, decompositionDefinitions
    // `pathway history`.
    case historyHeading, historyHeader, historyEmpty, historyNoFactor, historyExcluded
    case unitHistoryHeading, unitHistoryHeader, historyNoInventories, unitCarrierHeader, unitCarrierProcess
    // `pathway run`.
    case planUnreadable, planBadRegion, planStale, planSaved, planNoFile, planNotSaved, planUnknownUnit, planOneSubject, planReviewKept, planPeaked, planPlateau, planRising, planHeader
    case planAgainstBaseline, planScenario, planCapture
    // `pathway review`.
    case reviewHeading, reviewHeader
    // `projects`, `assets`, `compliance`.
    case assetUnknownUnit, projectsHeader, projectLinesHeader, projectsEmpty, projectsVerified, projectSaved, projectStaged, projectVerifiedNote, projectUnknown, curveHeader, curveNegative, curveInteracting, curvePlan, curveTotal, balancesHeader, balancesEmpty, balancesTotal, eventAdded, priceSet, boardHeader, boardNoInventory, boardEmpty, complianceSet, rulesHeader, ruleAdded

    // `footprint calc`.
    case footprintHeading, footprintTotal, footprintBattery, footprintLifetime, footprintCyclesDefault, footprintStageHeader, footprintFlowHeader
    case footprintProcessHeader, footprintUncertainty, footprintUnreadable, footprintSaved, footprintCradleToGate, footprintCradleToGrave
    case footprintNotes

    static let catalogue = Catalogue<CLIWords>(zh: chinese, en: english)
}

extension Language {
    /// A word of the command line's catalogue in this language.
    func word(_ key: CLIWords, _ arguments: [String: String] = [:]) -> String {
        CLIWords.catalogue.text(key, self, arguments)
    }

    /// A table header of the command line's catalogue, a column per line.
    func columns(_ key: CLIWords) -> [String] { CLIWords.catalogue.lines(key, self) }
}
