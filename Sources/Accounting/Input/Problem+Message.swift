/// The messages of `Problem` and of an issue's place in a file, in `IssueMessages+zh.swift` and
/// `IssueMessages+en.swift`.
public enum IssueMessage: String, MessageKey {
    // Where: file, sheet, row, column.
    case placeRow, placeColumn, placeColumnLettered, placeSheet, placeSeparator, placeJoiner
    // The file as a whole.
    case unreadableFile, notUTF8, emptyFile, noDataRows, unterminatedQuote, missingColumn, duplicateHeader
    case tooManyFields, unreadableWorkbook, noSuchSheet, alreadyImported, unitsNeedAdministrator, footprintModelElsewhere
    // A cell.
    case missingValue, unknownItem, unknownItemSuggested, unknownUnit, unitNotForItem, negativeQuantity
    case notANumber, badPeriod, badRegion, unknownCategory, categoryNotForItem, measuredNotApplicable
    case oxidationRateOutOfRange, parameterNotPositive, duplicateID, unknownFactorKind, factorUnitMismatch
    case unknownGrade, badYear, unknownGWPSet, shareOutOfRange, notOneOf, notPositive, tooLong, badMonth
    // Units and accounts.
    case unknownUnitCode, badUnitCode, duplicateUnitCode, repeatedUnitCode, parentLoop, badAccountName, weakPassword, passwordTooLong, badGrant
    case noAccountHome, grantOutsideHome
    // Against other rows and the stored data.
    case duplicateRow, alreadyStored, duplicateUnitPeriod, economicAlreadyStored, futurePeriod
    case periodLockedApproved, periodLockedSubmitted, implausible
    // Regional statistics.
    case regionalRowShape, duplicateRegionalRow, statisticAlreadyStored, regionNotGranted
    // A factor not found.
    case noFactorGasNotInSet, noFactorGiveMeasured, noFactorNotInLibrary
    // A domain's own refusal.
    case stated, differsFromRow, changedWhileImporting, appendOnly, notWholeNumber, tooManyRows
    // Hostile or mistyped magnitudes.
    case beyondPlausible, measuredBeyondAnyFuel
}

extension IssueMessage {
    public static let catalogue = Catalogue<IssueMessage>(zh: chinese, en: english)
}

extension Problem {
    public func text(in language: Language) -> String {
        if case .composed(let zh, let en) = self { return language == .zh ? zh : en }
        let (key, arguments) = message(in: language)
        return IssueMessage.catalogue.text(key, language, arguments.mapValues { Self.quoted($0, language) })
    }

    /// The longest text a message quotes whole. A cell of megabytes quoted on every row that
    /// repeats it once made a 105 MB error report; a longer text is quoted by its beginning and length.
    static let longestQuote = 200

    public static func quoted(_ text: String, _ language: Language) -> String {
        guard text.count > longestQuote else { return text }
        let count = text.count
        let start = String(text.prefix(longestQuote / 2))
        return language == .zh ? "\(start)…（共 \(count) 个字符）" : "\(start)… (\(count) characters)"
    }

    /// An item as the message names it: a catalogue code (a web form sends `electricity`) by its
    /// name in the reader's language, anything else as the user wrote it.
    static func itemName(_ text: String, _ language: Language) -> String {
        ItemCatalog.bundled.item(code: text)?.name(in: language) ?? text
    }

    /// The problem's message and what fills its placeholders.
    func message(in language: Language) -> (IssueMessage, [String: String]) {
        let list = language.list
        switch self {
        case .unreadableFile(let reason): return (.unreadableFile, ["reason": reason])
        case .notUTF8: return (.notUTF8, [:])
        case .emptyFile: return (.emptyFile, [:])
        case .noDataRows: return (.noDataRows, [:])
        case .unterminatedQuote: return (.unterminatedQuote, [:])
        case .missingColumn(let field, let accepted): return (.missingColumn, ["field": field, "accepted": list(accepted)])
        case .duplicateHeader(let header, let first): return (.duplicateHeader, ["header": header, "first": first])
        case .tooManyFields(let count, let expected): return (.tooManyFields, ["count": "\(count)", "expected": "\(expected)"])
        case .missingValue: return (.missingValue, [:])
        case .unknownItem(let name, let suggestions) where suggestions.isEmpty: return (.unknownItem, ["name": name])
        case .unknownItem(let name, let suggestions):
            return (.unknownItemSuggested, ["name": name, "suggestions": list(suggestions)])
        case .unknownUnit(let unit): return (.unknownUnit, ["unit": unit])
        case .unitNotForItem(let unit, let item, let accepted):
            return (.unitNotForItem, ["unit": unit, "item": Self.itemName(item, language), "accepted": list(accepted)])
        case .negativeQuantity(let text): return (.negativeQuantity, ["text": text])
        case .notANumber(let text): return (.notANumber, ["text": text])
        case .badPeriod(let text): return (.badPeriod, ["text": text])
        case .badRegion(let text): return (.badRegion, ["text": text])
        case .unknownCategory(let text): return (.unknownCategory, ["text": text])
        case .categoryNotForItem(let category, let item, let allowed):
            return (
                .categoryNotForItem,
                [
                    "category": ActivityCategory(rawValue: category)?.name(in: language) ?? category,
                    "item": Self.itemName(item, language), "allowed": list(allowed),
                ]
            )
        case .measuredNotApplicable(let item): return (.measuredNotApplicable, ["item": Self.itemName(item, language)])
        case .oxidationRateOutOfRange(let text): return (.oxidationRateOutOfRange, ["text": text])
        case .parameterNotPositive(let text): return (.parameterNotPositive, ["text": text])
        case .duplicateID(let id, let first): return (.duplicateID, ["id": id, "first": "\(first)"])
        case .unknownFactorKind(let text, let known): return (.unknownFactorKind, ["text": text, "known": list(known)])
        case .factorUnitMismatch(let unit, let kind): return (.factorUnitMismatch, ["unit": unit, "kind": kind.name(in: language)])
        case .unknownGrade(let text): return (.unknownGrade, ["text": text])
        case .badYear(let text): return (.badYear, ["text": text])
        case .unknownGWPSet(let text): return (.unknownGWPSet, ["text": text])
        case .unknownUnitCode(let code): return (.unknownUnitCode, ["code": code])
        case .badUnitCode(let code): return (.badUnitCode, ["code": code.debugDescription])
        case .duplicateUnitCode(let code): return (.duplicateUnitCode, ["code": code])
        case .shareOutOfRange(let text): return (.shareOutOfRange, ["text": text])
        case .notOneOf(let text, let allowed): return (.notOneOf, ["text": text, "allowed": list(allowed)])
        case .parentLoop(let code): return (.parentLoop, ["code": code])
        case .notPositive(let text): return (.notPositive, ["text": text])
        case .tooLong(let limit): return (.tooLong, ["limit": "\(limit)"])
        case .badMonth(let text): return (.badMonth, ["text": text])
        case .duplicateRow(let first): return (.duplicateRow, ["first": "\(first)"])
        case .alreadyStored(let id): return (.alreadyStored, ["id": "\(id)"])
        case .duplicateUnitPeriod(let first): return (.duplicateUnitPeriod, ["first": "\(first)"])
        case .economicAlreadyStored(let id): return (.economicAlreadyStored, ["id": "\(id)"])
        case .repeatedUnitCode(let code, let first): return (.repeatedUnitCode, ["code": code, "first": "\(first)"])
        case .futurePeriod(let text): return (.futurePeriod, ["text": text])
        case .regionalRowShape: return (.regionalRowShape, [:])
        case .duplicateRegionalRow(let first): return (.duplicateRegionalRow, ["first": "\(first)"])
        case .statisticAlreadyStored(let id): return (.statisticAlreadyStored, ["id": "\(id)"])
        case .regionNotGranted(let code): return (.regionNotGranted, ["code": code])
        case .unitsNeedAdministrator: return (.unitsNeedAdministrator, [:])
        case .footprintModelElsewhere: return (.footprintModelElsewhere, [:])
        case .periodLocked(let unit, let period, let approved):
            return (approved ? .periodLockedApproved : .periodLockedSubmitted, ["unit": unit, "period": period])
        case .implausible(let value, let median):
            return (.implausible, ["value": Self.short(value), "median": Self.short(median)])
        case .alreadyImported(let batch, let when): return (.alreadyImported, ["batch": "\(batch)", "when": when])
        case .unreadableWorkbook(let zh, let en): return (.unreadableWorkbook, ["reason": language == .zh ? zh : en])
        case .noSuchSheet(let name, let available): return (.noSuchSheet, ["name": name, "available": list(available)])
        case .stated(let zh, let en), .composed(let zh, let en): return (.stated, ["text": language == .zh ? zh : en])
        case .differsFromRow(let row, let given): return (.differsFromRow, ["row": "\(row)", "given": given])
        case .changedWhileImporting: return (.changedWhileImporting, [:])
        case .appendOnly: return (.appendOnly, [:])
        case .notWholeNumber(let text): return (.notWholeNumber, ["text": text])
        case .tooManyRows(let count, let limit): return (.tooManyRows, ["count": "\(count)", "limit": "\(limit)"])
        case .beyondPlausible(let text): return (.beyondPlausible, ["text": text])
        case .measuredBeyondAnyFuel(let text, let largest):
            return (.measuredBeyondAnyFuel, ["text": text, "largest": Self.short(largest)])
        case .badAccountName(let name): return (.badAccountName, ["name": name])
        case .weakPassword(let minimum): return (.weakPassword, ["minimum": "\(minimum)"])
        case .passwordTooLong(let maximum): return (.passwordTooLong, ["maximum": "\(maximum)"])
        case .badGrant(let role): return (.badGrant, ["role": role])
        case .noAccountHome(let name, let home): return (.noAccountHome, ["name": name, "home": home])
        case .grantOutsideHome(let name, let home): return (.grantOutsideHome, ["name": name, "home": home])
        case .noFactor(let kind, let item, let hint):
            var arguments = ["item": item.name(in: language), "kind": kind.name(in: language)]
            switch hint {
            case .gasNotInGWPSet(let set):
                arguments["set"] = set.rawValue
                return (.noFactorGasNotInSet, arguments)
            case .giveMeasuredValue(let column):
                arguments["column"] = column
                return (.noFactorGiveMeasured, arguments)
            case .notInLibrary: return (.noFactorNotInLibrary, arguments)
            }
        }
    }

    /// A number as a person reads it in a message: up to six significant digits.
    static func short(_ value: Double) -> String { String(format: "%.6g", value) }
}
