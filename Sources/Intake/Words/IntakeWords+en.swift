extension IntakeWords {
    static let english: [IntakeWords: String] = [
        .sheetActivity: "Activity",
        .sheetEconomic: "Economic",
        .sheetUnits: "Units",
        .sheetLists: "Lists",
        .sheetInstructions: "Instructions",
        .listsActivityHeader: "item\nname\nunits of measure\ncategories",
        .listsEconomicHeader: "column\nunit\nmeaning",
        .listsLevelHeader: "level\nChinese name",
        .listsReportingClassHeader: "reporting class\nChinese name",
        .listsProvinceHeader: "province code\nname",
        .meaningOutputValue: "output value at current prices",
        .meaningValueAdded: "value added at current prices",
        .meaningRevenue: "revenue",
        .meaningPriceIndex: "prices of the period relative to the base year (= 100)",
        .meaningBaseYear: "the year whose prices constant prices are in",
        .unitYear: "year",
        .kindActivity: "activity",
        .kindEconomic: "economic",
        .kindUnits: "units",
        .templateTitle: "PeakZero {kind} template, version {version}",
        .instructionsActivity: """
            One row per unit, period and item. Required: unit, period, item, quantity, uom; region may be left empty (the unit's registered region is used).
            Periods are 2024-01 (a month) or 2024 (a year); quantities are not negative; items and units of measure are on the Lists sheet.
            category may be empty (the item's default); ncv, carbon_content and oxidation_rate are for fuels only, empty means the defaults.
            """,
        .instructionsEconomic: """
            One row per unit and period. Required: unit, period, and at least one of output_value, value_added and revenue (万元 at current prices).
            Periods are 2024-01 (a month) or 2024 (a year); amounts are not negative.
            price_index is relative to the base year (= 100), empty means 100; base_year empty means the row's year. Constant prices = current × 100 ÷ price_index.
            """,
        .instructionsUnits: """
            One row per unit. Required: code, name, level, region_code (six digits).
            level is supervisor, group, enterprise or facility (or 监管机构, 集团, 企业, 设施); parent_code names a stored unit or one in this sheet, empty for a top-level unit.
            ownership_share is the parent's share, between 0 and 1 or a percentage (51%), empty means 1; reporting_class is monthly, quarterly or yearly, empty means monthly.
            In replace mode a unit whose code is stored is updated from the sheet; in append mode that is an error.
            """,
        .sheetRegional: "Regional statistics",
        .listsAreaHeader: "area\nname",
        .listsCarrierHeader: "carrier\nname",
        .kindRegional: "regional statistics",
        .instructionsRegional: """
            One row per figure of a region (GB/T 2260 code) and year, in one of three shapes:
            energy of an area from a carrier: area, carrier and energy_tce (tce, 当量值);
            value added of an area: area and value_added (万元 at constant prices);
            the region's totals: gdp (万元 at constant prices) and population (万人), with area and carrier empty. Figures are not negative.
            """,
        .sheetProjects: "Reduction projects",
        .sheetLedger: "Carbon-asset ledger",
        .kindProjects: "reduction projects",
        .kindLedger: "carbon-asset ledger",
        .listsProjectTypeHeader: "type\nname",
        .listsProjectStageHeader: "stage\nname",
        .listsSavingHeader: "item or gas\nname\nunits of measure",
        .listsActionHeader: "action\nname",
        .listsInstrumentHeader: "kind\nname",
        .instructionsProjects: """
            One row per carrier a project saves or gas it reduces; a project saving three carriers takes three rows. Required: unit, code, item, quantity, uom.
            The project's name, type, first_year, lifetime_years and capex (10^4 CNY) go on its first row; later rows may leave them blank or repeat them. A blank stage is planned; type and stage take a code or a name (see the lists sheet).
            quantity is what the project saves each year; write more used (the gas a fuel switch adds) as a negative number. Energy saved (both tce bases) and CO2e avoided are computed by PeakZero from the factors of the unit's province and first year, never entered.
            interacts_with names other projects of the same unit, separated by commas; measure_id names a measure on the list of the unit or a unit above it. In replace mode a known code is updated; in append mode it is an error.
            """,
        .instructionsLedger: """
            One row per entry, booked row by row in the order of the file; if any row is refused, nothing of the file is kept. Required: unit, day (YYYY-MM-DD), action, kind, vintage, quantity.
            action and kind take a code or a name (see the lists sheet); quantity is a whole number (tonnes or certificates); a final allocation's true-up may be negative.
            A CCER lot needs its project number in reference, a pilot allowance its market's code, a certificate its production month; a surrender names its compliance_year, and one after the deadline needs late = yes; a certificate's retirement names the electricity period in retired_for (2025 or 2025-06).
            A transfer names to_unit and books two entries, out and in. The ledger is append-only: replace mode is refused.
            """,
        .sheetScope3: "Scope 3",
        .kindScope3: "Scope 3 (value chain) emissions",
        .listsScope3CategoryHeader: "Category\nName\nUpstream or downstream",
        .listsScope3MethodHeader: "Method\nName\nColumns to fill",
        .listsScope3TierHeader: "Data quality tier\nName",
        .instructionsScope3: """
            Each row is one value-chain (Scope 3) activity of a unit and a year, or the reason a category is excluded. Required: unit code, year, category (1–15, see the lists).
            An activity row gives its method, its data quality tier (1 very good … 4 poor) and the columns its method needs (see the lists); the factor id names a value_chain factor of a user factor set, the footprint model a product footprint model saved in PeakZero.
            Spend-based: the amount, its currency and price year; a currency other than the factor's needs an exchange rate (the factor's currency per one unit of the spend's), a price year other than the factor's a price index (factor-year prices ÷ spend-year prices). Distance-based: the quantity (t·km or p·km), or the mass (t) and the distance (km).
            To exclude a category, fill the unit, year, category and the reason alone. Scope 3 is reported apart from Scope 1 and 2 and never enters the dual-control totals or the four indicators. In replace mode, the stored Scope 3 rows of each unit and year in the file are replaced by the file's.
            """,
        .scope3ReportSheet: "Scope 3",
        .scope3SheetHeader: "Category\nName\nEmissions (tCO2e)\nMethods\nData quality (weighted)\nRows",
        .scope3ExclusionHeader: "Category\nName\nReason excluded",
        .scope3NotAssessed: "Categories not assessed",
        .scope3Apart: "Scope 3 is reported apart from Scope 1 and 2 and is in none of their totals, the dual-control totals or the four indicators.",
        .climateNarrativeSheet: "Narrative",
        .climateNarrativeLabels: "Governance\nStrategy\nImpacts, risks and opportunities\nMetrics and targets\nBase-year recalculation policy\nAssurance",
        .climateEnergySheet: "Energy",
        .climateReductionsSheet: "Reductions",
        .climateReductionsHeader: "Unit code\nProject\nName\nStage\nIn service from\nEnergy saved (tce, equivalent)\nAvoided, planned (tCO2e)\nAvoided, verified (tCO2e)\nMeasure carried out",
        .climateAssetsSheet: "Allowances and credits",
        .climateAssetsHeader: "Instrument\nAction\nQuantity",
        .climateTargetsSheet: "Targets",
        .climateTargetsHeader: "Target\nSubject\nIndicator\nUnit\nYear\nLimit\nTo date\nForecast\nRatio\nLight",
        .climateFootprintsSheet: "Product footprints",
        .climateFootprintsHeader: "Model\nUnit code\nName\nDeclared unit\nFootprint (kgCO2e)",
        .climateIndexSheet: "Index",
        .climateIndexHeader: "Disclosure\nGRI\nIFRS S2\nSection\nGrade\nSource",
        .reportByRegionSheet: "By region",
        .sheetFootprint: "Product model",
        .kindFootprint: "product model",
        .listsRecordHeader: "record\nname\ncolumns filled",
        .listsStageHeader: "stage\nname",
        .listsBoundaryHeader: "boundary\nname",
        .listsAllocationHeader: "allocation\nname",
        .listsDistributionHeader: "distribution\ncolumns filled",
        .instructionsFootprint: """
            One record per row; record says which (see the lists sheet). One model row: name, the declared unit's process and amount, unit and boundary; cut_off may state the cut-off rule.
            Each process starts with its output row: process, name, stage, flow (the product), amount and unit. Its other rows (coproduct, input, emission, background, electricity) carry the same process, and every amount is for the amount on the output row.
            An input names its provider (and, for a provider's co-product, the co-product in flow); an emission names the gas in flow (CO2, CH4, N2O …), a resource taken from nature being negative; a background row names the factor in flow; an electricity row gives the province (two digits) and the data year.
            A factor row is a background factor: its id in flow, its value in amount, its unit such as kgCO2e/kg, and a source, which is required. A battery row gives the rated energy (kWh) in amount, with years and cycles_per_year; with a vehicle_category (M1, N1, L, M2, M3, N2, N3) the cycles may be left empty and the battery rules' default is taken.
            A process with co-products names its allocation on the output row (physical, economic, factors, substitution): factors take an allocation_factor on each product's row (summing to 1), economic a price, substitution the displaced process on the co-product's row.
            Uncertainty: a distribution and its parameters: lognormal a gsd (the amount is the median), normal an sd, triangular and uniform a min and a max, pedigree the five scores (such as 1;2;3;1;2) with an optional basic gsd in gsd.
            """,
        .instructionsDryRun:
            "Try a dry run first: every row is checked and each error is listed with its sheet, row and column; nothing is written.",

        .inventoryHeader: """
            record\nunit\nmonth\nitem\ncategory\nscope\ngas\nemissions, location-based (tCO2e)
            emissions, market-based (tCO2e)\nenergy, calorific (tce)\nenergy, equivalent (tce)\nfactors
            """,
        .inventoryTitle: "Inventory {id}",
        .wholeYear: "year",
        .indicatorsHeader: """
            \nenergy, calorific (tce)\nenergy, equivalent (tce)\nemissions (tCO2e)\nscope 1 (tCO2e)
            scope 2, location-based (tCO2e)\nscope 2, market-based (tCO2e)
            output value, constant prices (10^4 CNY)\nvalue added, constant prices (10^4 CNY)
            energy intensity (tce per 10^4 CNY output)\ncarbon intensity (tCO2e per 10^4 CNY output)
            """,
        .yearOnYear: "year on year (%)",
        .tableTotals: "Totals",
        .tableByMonth: "By month",
        .tableByScope: "By scope",
        .tableByItem: "By item",
        .tableByCategory: "By category",
        .tableByChild: "By child",
        .auditHeader: """
            id\nat\nactor\nactor id\naddress\naction\nsubject kind\nsubject id\nunit id\nunit code\nyear\nmonth
            before\nafter\nprevious hash\nhash
            """,
        .auditTitle: "Audit trail",

        .reportPlaceSheet: "{file} (sheet \"{sheet}\")",
        .reportHeading: "Import of {place}, mode {mode}{dryRun}",
        .modeAppend: "append",
        .modeReplace: "replace",
        .dryRunMark: " (dry run)",
        .reportCounts: "{read} rows read, {valid} valid, {errors} errors, {warnings} warnings",
        .reportError: "error: {message}",
        .reportWarning: "warning: {message}",
        .reportRepeated: "This file was imported before; nothing was written again.",
        .reportDryRunClean: "Dry run: nothing written; the file can be imported.",
        .reportDryRunErrors: "Dry run: nothing written; fix the errors above first.",
        .reportWritten: "Wrote {written} rows (batch {batch}), superseded {superseded}.",
        .reportNothingWritten: "Nothing written: fix the errors above and import again.",
        .footprintSummarySheet: "Footprint",
        .footprintStagesSheet: "Stages",
        .footprintFlowsSheet: "Flows and factors",
        .footprintProcessesSheet: "Processes",
        .footprintDrawsSheet: "Monte Carlo",
        .footprintSummaryHeader: "Figure\nValue\nUnit",
        .footprintStagesHeader: "Stage\nkg CO2e\nShare",
        .footprintFlowsHeader: "Flow\nAmount\nUnit\nkg CO2e\nShare\nFactor (kg CO2e per unit)\nFactor id\nSource\nData year",
        .footprintProcessesHeader: "Process\nName\nProduct\nStage\nAmount\nUnit\nDirect kg CO2e\nShare",
        .footprintDrawsHeader: "Draw\nkg CO2e",
        .footprintModel: "Product model",
        .footprintDeclared: "Declared unit",
        .footprintBoundary: "System boundary",
        .footprintGWP: "GWP set",
        .footprintTotal: "Carbon footprint",
        .footprintPerKWh: "Per kWh of lifetime energy",
        .footprintLifetimeEnergy: "Lifetime energy (capacity × cycles a year × years)",
        .footprintCyclesDefault: "Cycles a year: the battery rules' default for category {category}",
        .footprintMean: "Monte Carlo mean",
        .footprintMedian: "Monte Carlo median",
        .footprintLow: "2.5 % quantile",
        .footprintHigh: "97.5 % quantile",
        .footprintDraws: "Draws",
        .footprintSeed: "Seed",
        .supervisorIndicatorsSheet: "Indicators",
        .supervisorTargetsSheet: "Targets",
        .supervisorMeasuresSheet: "Overdue measures",
        .supervisorCompletenessSheet: "Completeness",
        .supervisorIndicatorsHeader: "Subject\nEnergy (tce, calorific)\nEmissions (tCO2e)\nEnergy intensity (tce/10⁴ CNY output)\nCarbon intensity (tCO2e/10⁴ CNY output)",
        .supervisorTargetsHeader: "Target\nSubject\nIndicator\nUnit\nYear\nLimit\nTo date\nForecast\nForecast ÷ limit\nLight",
        .supervisorMeasuresHeader: "Unit\nMeasure\nOwner\nDeadline",
        .supervisorCompletenessHeader: "State\nPeriods",
        .reportBasisSheet: "Basis",
        .reportByGasSheet: "By gas",
        .reportByFacilitySheet: "By facility",
        .reportBySourceSheet: "By source type",
        .reportByCarrierSheet: "By carrier",
        .reportIntensitySheet: "Intensities",
        .reportFactorsSheet: "Factors",
        .reportPartsHeader: "Code\nName\nScope 1 (tCO2e)\nScope 2, location-based (tCO2e)\nScope 2, market-based (tCO2e)\nTotal, location-based (tCO2e)\nTotal, market-based (tCO2e)\nEnergy, calorific (tce)\nEnergy, equivalent (tce)",
        .reportCarrierHeader: "Carrier\nName\nCalorific (tce)\nEquivalent (tce)",
        .reportIntensityHeader: "Denominator\nDenominator (10⁴ CNY, constant prices)\nCarbon intensity, location-based (tCO2e/10⁴ CNY)\nCarbon intensity, market-based (tCO2e/10⁴ CNY)\nEnergy intensity (tce/10⁴ CNY, calorific)",
        .reportFactorsHeader: "Factor\nKind\nItem\nValue\nUnit\nGrade\nSource\nYear",
        .reportBasisLabels: "Reporting entity\nYear\nStandards\nConsolidation\nGWP set\nScope 2 headline method\nInventory (id, version, computed)\nFactor library\nActivity records\nRecords not yet approved\nData status",
        .reportStale: "data changed after the inventory was computed: compute it again",
        .footprintDeclarationSheet: "Declaration",
        .footprintStandard: "Standard",
        .footprintPartial: "partial footprint (cradle to gate)",
        .footprintWhole: "footprint (cradle to grave)",
        .footprintCutOff: "Cut-off rule",
        .footprintGasHeader: "Greenhouse gas\nEmitted (kg)\nGWP (kg CO2e/kg)\nGWP source\nkg CO2e",
        .footprintBackground: "Through background factors (kg CO2e, not by gas)",
        .footprintGrid: "Through grid factors (kg CO2e, not by gas)",
        .footprintKeptApartHeader: "Flows outside the total (biogenic CO2, resources …)\nAmount\nUnit",
        .footprintAllocationHeader: "Allocated process\nName\nMethod\nProducts\nShares or displaced processes",
        .footprintQualityHeader: "Process\nName\nExchanges\nWith uncertainty\nMean pedigree scores\nFactor sources",
        .footprintNote: "Note",
    ]
}
