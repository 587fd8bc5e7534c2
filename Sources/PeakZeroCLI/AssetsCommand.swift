import Accounting
import ArgumentParser
import Assets
import Foundation
import Persistence

/// `peakzero assets …`: the carbon-asset ledger — holdings on a date, an entry appended, a price kept.
struct AssetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets", abstract: "The carbon-asset ledger: CEA, CCER, green certificates, pilot allowances.",
        subcommands: [Balances.self, Add.self, Price.self])

    struct Balances: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Holdings of a unit's subtree (or its own account) by lot on a date, valued at the kept prices.")

        @Option(help: "The unit's code.") var unit: String
        @OptionGroup var date: DateOption
        @Flag(help: "The unit's own account only, not its subtree.") var own = false
        @OptionGroup var format: TableOrJSONOption
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            let day = date.day
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let balances = try await AssetLedgerStore(database).balances(under: unit.id, at: day, subtree: !own)
                if format.isJSON { return say(try AssetCommandSupport.json(balances)) }
                guard !balances.isEmpty else { return say(lang.word(.balancesEmpty, ["date": day.description])) }
                let prices = try await AssetPriceStore(database).latest(on: day)
                var table = TextTable(header: lang.columns(.balancesHeader))
                table.rightAligned = [1, 3, 4]
                var total = 0.0
                for balance in balances {
                    let value = prices[balance.lot.kind].map { $0.price * Double(balance.quantity) }
                    total += value ?? 0
                    table.rows.append([
                        balance.lot.kind.name(in: lang), String(balance.lot.vintage), balance.lot.description,
                        NumberText.grouped(Double(balance.quantity), decimals: 0),
                        value.map { NumberText.grouped($0, decimals: 2) } ?? "—",
                    ])
                }
                say(table.render())
                say(lang.word(.balancesTotal, ["date": day.description, "value": NumberText.grouped(total, decimals: 2)]))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append a ledger entry (checked against the balances; refused whole when anything is wrong).",
            discussion: """
                Actions: allocate_pre, allocate_final, buy, sell, transfer (with --to), surrender (with \
                --compliance-year), retire (a certificate with --retired-for), expire, borrow.
                """)

        @Option(help: "The unit's code (its account).") var unit: String
        @Option(help: "YYYY-MM-DD.") var day: String
        @Option(help: "What happened.") var action: String
        @Option(help: "cea, ccer, gec or pilot.") var kind: String
        @Option(help: "Vintage (or a certificate's production year).") var vintage: Int
        @Option(help: "A certificate's production month.") var month: Int?
        @Option(help: "CCER project number, pilot market code, or certificate batch.") var reference: String?
        @Option(help: "CCER methodology.") var methodology: String?
        @Option(help: "How many (t or MWh).") var quantity: Int64
        @Option(help: "Price per instrument, CNY.") var price: Double?
        @Option(help: "The other side of a trade.") var counterparty: String?
        @Option(help: "The compliance year a surrender counts for.") var complianceYear: Int?
        @Option(help: "The electricity period a certificate covers (2025 or 2025-06).") var retiredFor: String?
        @Option(help: "The receiving unit's code, for a transfer.") var to: String?
        @Flag(help: "A surrender knowingly made after the deadline.") var late = false
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let receiver = try await to.asyncMap { try await AssetCommandSupport.unit($0, in: database, language: lang) }
                let added = try await AssetCommandSupport.refusing(lang) {
                    try await AssetLedgerStore(database).append(
                        unitID: unit.id,
                        NewAssetEvent(
                            day: day, action: action, kind: kind, vintage: vintage, month: month, reference: reference,
                            methodology: methodology, quantity: quantity, price: price, counterparty: counterparty,
                            complianceYear: complianceYear, retiredFor: retiredFor, late: late, toUnitId: receiver?.id))
                }
                say(lang.word(.eventAdded, ["count": String(added.count)]))
            }
        }
    }

    struct Price: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep the price of an instrument kind on a day.")

        @Option(help: "cea, ccer, gec or pilot.") var kind: String
        @Option(help: "YYYY-MM-DD.") var day: String
        @Option(help: "CNY per instrument.") var price: Double
        @Option(help: "Where the price comes from.") var source: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                try await AssetCommandSupport.refusing(lang) {
                    try await AssetPriceStore(database).set(kind: kind, day: day, price: price, source: source)
                }
                say(lang.word(.priceSet, ["kind": kind, "day": day, "price": String(price)]))
            }
        }
    }
}

extension CalendarDay {
    /// Today in China (UTC+8, no daylight saving).
    static var today: CalendarDay {
        CalendarDay(ordinal: Int((Date().timeIntervalSince1970 + 8 * 3600) / 86_400))
    }
}
