import Accounting

/// The words of templates, exports and import reports, in `IntakeWords+zh.swift` and
/// `IntakeWords+en.swift`. A message of several lines (a table's headers, a sheet of instructions)
/// has one line per column or paragraph, the same number in both languages.
enum IntakeWords: String, MessageKey {
    // Templates: sheet names, the code lists, the instructions.
    case sheetActivity, sheetEconomic, sheetUnits, sheetRegional, sheetProjects, sheetLedger, sheetLists, sheetInstructions
    case listsActivityHeader, listsEconomicHeader, listsAreaHeader, listsCarrierHeader, listsLevelHeader, listsReportingClassHeader, listsProvinceHeader
    case listsProjectTypeHeader, listsProjectStageHeader, listsSavingHeader, listsActionHeader, listsInstrumentHeader
    case meaningOutputValue, meaningValueAdded, meaningRevenue, meaningPriceIndex, meaningBaseYear, unitYear
    case kindActivity, kindEconomic, kindUnits, kindRegional, kindProjects, kindLedger, templateTitle
    case instructionsActivity, instructionsEconomic, instructionsUnits, instructionsRegional, instructionsProjects, instructionsLedger
    case instructionsDryRun
    case sheetFootprint, kindFootprint, instructionsFootprint, listsRecordHeader, listsStageHeader
    case listsBoundaryHeader, listsAllocationHeader, listsDistributionHeader
    case sheetScope3, kindScope3, instructionsScope3, listsScope3CategoryHeader, listsScope3MethodHeader
    case listsScope3TierHeader, scope3SheetHeader, scope3ExclusionHeader, scope3NotAssessed, scope3Apart
    case scope3ReportSheet, reportByRegionSheet
    // The climate section's workbook.
    case climateNarrativeSheet, climateNarrativeLabels, climateEnergySheet, climateReductionsSheet
    case climateReductionsHeader, climateAssetsSheet, climateAssetsHeader, climateTargetsSheet, climateTargetsHeader
    case climateFootprintsSheet, climateFootprintsHeader, climateIndexSheet, climateIndexHeader
    // Exports.
    case inventoryHeader, inventoryTitle, wholeYear, indicatorsHeader, yearOnYear
    case tableTotals, tableByMonth, tableByScope, tableByItem, tableByCategory, tableByChild
    case auditHeader, auditTitle
    case footprintSummarySheet, footprintStagesSheet, footprintFlowsSheet, footprintProcessesSheet, footprintDrawsSheet
    case footprintSummaryHeader, footprintStagesHeader, footprintFlowsHeader, footprintProcessesHeader, footprintDrawsHeader
    case footprintModel, footprintDeclared, footprintBoundary, footprintGWP, footprintTotal, footprintPerKWh, footprintLifetimeEnergy, footprintCyclesDefault
    case footprintDeclarationSheet, footprintStandard, footprintPartial, footprintWhole, footprintCutOff
    case footprintGasHeader, footprintBackground, footprintGrid, footprintKeptApartHeader, footprintAllocationHeader
    case footprintQualityHeader
    case footprintMean, footprintMedian, footprintLow, footprintHigh, footprintDraws, footprintSeed, footprintNote
    // The GHG inventory report's workbook.
    case reportBasisSheet, reportByGasSheet, reportByFacilitySheet, reportBySourceSheet, reportByCarrierSheet
    case reportIntensitySheet, reportFactorsSheet, reportPartsHeader, reportCarrierHeader, reportIntensityHeader
    case reportFactorsHeader, reportBasisLabels, reportStale
    // The supervisor's report's workbook.
    case supervisorIndicatorsSheet, supervisorTargetsSheet, supervisorMeasuresSheet, supervisorCompletenessSheet
    case supervisorIndicatorsHeader, supervisorTargetsHeader, supervisorMeasuresHeader, supervisorCompletenessHeader
    // The import report.
    case reportPlaceSheet, reportHeading, modeAppend, modeReplace, dryRunMark, reportCounts
    case reportError, reportWarning, reportRepeated, reportDryRunClean, reportDryRunErrors, reportWritten
    case reportNothingWritten

    static let catalogue = Catalogue<IntakeWords>(zh: chinese, en: english)
}

extension Language {
    /// A word of Intake's catalogue in this language.
    func word(_ key: IntakeWords, _ arguments: [String: String] = [:]) -> String {
        IntakeWords.catalogue.text(key, self, arguments)
    }

    /// A message of several lines of Intake's catalogue, as its lines.
    func lines(_ key: IntakeWords) -> [String] { IntakeWords.catalogue.lines(key, self) }
}
