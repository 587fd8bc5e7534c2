extension IssueMessage {
    /// English: where a problem is, and what it is.
    static let english: [IssueMessage: String] = [
        .placeRow: "row {row}",
        .placeColumn: "column \"{column}\"",
        .placeColumnLettered: "column {letter} \"{column}\"",
        .placeSheet: "sheet \"{sheet}\"",
        .placeSeparator: ": ",
        .placeJoiner: ", ",

        .unreadableFile: "cannot read the file: {reason}",
        .notUTF8: "the file is not UTF-8; in Excel save it as \"CSV UTF-8 (comma delimited)\"",
        .emptyFile: "the file is empty",
        .noDataRows: "the file has a header but no data rows",
        .unterminatedQuote: "a quoted field opened on this row is never closed",
        .missingColumn: "required column \"{field}\" is missing (accepted headers: {accepted})",
        .duplicateHeader: "header \"{header}\" repeats the field of column {first}",
        .tooManyFields: "this row has {count} fields but the header has {expected}",
        .unreadableWorkbook: "cannot read the Excel workbook: {reason}",
        .noSuchSheet: "the workbook has no sheet \"{name}\"; it has: {available}",
        .differsFromRow: "differs from “{given}” on row {row}; the rows of one project must agree (later rows may leave it blank)",
        .changedWhileImporting: "the stored data changed after the import's check; nothing was written, import the file again",
        .appendOnly: "the carbon-asset ledger only adds entries; import it in append mode",
        .notWholeNumber: "\"{text}\" is not a whole number",
        .tooManyRows: "the file has {count} data rows, more than the {limit} one import of this kind takes; split it into several files",
        .beyondPlausible: "{text} is beyond any real measurement: its magnitude must not exceed 10¹² (in t, Nm³, GJ, tce, MWh or 10⁴ yuan)",
        .measuredBeyondAnyFuel: "the measured parameter {text} is beyond any fuel's; it must not exceed {largest}",
        .stated: "{text}",
        .alreadyImported: "this file was imported on {when} (batch {batch}); nothing imported again",
        .footprintModelElsewhere:
            "this is a product model template: import it on the unit's footprints page, or with peakzero footprint import",
        .unitsNeedAdministrator:
            "units are imported by an administrator; import activity or economic data, or ask an administrator",

        .missingValue: "required, must not be empty",
        .unknownItem: "unknown item \"{name}\"; run peakzero factors list to see the known items",
        .unknownItemSuggested: "unknown item \"{name}\"; did you mean: {suggestions}?",
        .unknownUnit: "unknown unit of measure \"{unit}\" (for example: t, kg, 10^4Nm3, m3, kWh, MWh, GJ, tce)",
        .unitNotForItem: "unit \"{unit}\" does not fit \"{item}\" (use one of: {accepted})",
        .negativeQuantity: "quantity must not be negative: {text}",
        .notANumber: "not a number: \"{text}\"",
        .badPeriod: "period \"{text}\" must be YYYY or YYYY-MM (e.g. 2024-03)",
        .badRegion: "region code \"{text}\" is not a six-digit GB/T 2260 code such as 510100",
        .unknownCategory: "unknown category \"{text}\"",
        .categoryNotForItem: "category \"{category}\" does not fit \"{item}\" (allowed: {allowed})",
        .measuredNotApplicable: "measured parameters apply to fuels only; \"{item}\" is not a fuel",
        .oxidationRateOutOfRange: "oxidation rate \"{text}\" must be between 0 and 1 (or 0% and 100%)",
        .parameterNotPositive: "a measured parameter must be greater than 0: {text}",
        .duplicateID: "id \"{id}\" repeats row {first}",
        .unknownFactorKind: "unknown factor kind \"{text}\" (known: {known})",
        .factorUnitMismatch: "unit \"{unit}\" does not fit a {kind}",
        .unknownGrade: "grade \"{text}\" must be V, S or U",
        .badYear: "year \"{text}\" is not a four-digit year",
        .unknownGWPSet: "GWP set \"{text}\" must be SAR, AR4, AR5 or AR6",
        .shareOutOfRange: "ownership share \"{text}\" must be above 0 and at most 1 (or 100%)",
        .notOneOf: "\"{text}\" is not valid (use one of: {allowed})",
        .notPositive: "must be greater than 0: {text}",
        .tooLong: "at most {limit} characters",
        .badMonth: "month \"{text}\" must be 1 to 12",

        .unknownUnitCode: "no unit has the code \"{code}\"",
        .badUnitCode: "the unit code {code} cannot be used: at most 64 characters, without spaces, control or invisible characters",
        .duplicateUnitCode: "unit code \"{code}\" is already taken",
        .repeatedUnitCode: "unit code \"{code}\" repeats row {first}",
        .parentLoop: "\"{code}\" cannot be placed under one of its own descendants",
        .badAccountName: "account name \"{name}\" is not valid: 1–64 characters without spaces",
        .weakPassword: "the password needs at least {minimum} characters",
        .passwordTooLong: "a password may be at most {maximum} bytes long ({maximum} letters, or 24 Chinese characters)",
        .badGrant:
            "role \"{role}\" has the wrong scope: an administrator is granted without a unit or region, every other role on one",
        .noAccountHome: "in the account name \"{name}\", \"{home}\" after the @ is neither a unit's code nor a region code",
        .grantOutsideHome:
            "the roles of account \"{name}\" must lie within \"{home}\" and below it (an administrator's role takes no @ name)",

        .duplicateRow: "repeats row {first} (same unit, period, item and category)",
        .alreadyStored:
            "this unit already has this item for the period (record {id}); import in replace mode to supersede it",
        .duplicateUnitPeriod: "repeats row {first} (same unit and period)",
        .economicAlreadyStored:
            "this unit already has economic data for the period (record {id}); import in replace mode to supersede it",
        .regionalRowShape:
            "a row gives either energy by area and carrier (area, carrier, energy_tce), value added by area (area, value_added), or the region's GDP and population (no area, no carrier)",
        .duplicateRegionalRow: "repeats row {first} (same region, year, area and carrier)",
        .statisticAlreadyStored:
            "this region already has this figure for the year (record {id}); import in replace mode to supersede it",
        .regionNotGranted: "you hold no grant on region {code} (or a region around it)",
        .futurePeriod: "period \"{text}\" has not begun yet",
        .periodLockedApproved: "{period} of unit {unit} is approved and locked; open a correction to change it",
        .periodLockedSubmitted: "{period} of unit {unit} is submitted for review; its data is locked until it is returned",
        .implausible:
            "{value} is more than 10 times this unit's monthly median of {median} for the item; please check (warning only)",

        .noFactorGasNotInSet: "{set} gives no GWP for \"{item}\"; choose another set with --gwp",
        .noFactorGiveMeasured:
            "\"{item}\" has no default {kind}; give a measured value in column \"{column}\" or report the coal by type (anthracite, bituminous coal, lignite)",
        .noFactorNotInLibrary: "the factor library has no {kind} for \"{item}\"",
    ]
}
