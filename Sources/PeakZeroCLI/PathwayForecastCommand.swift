import Accounting
import ArgumentParser
import Foundation
import Pathways

/// `peakzero pathway forecast`: a driver's path from its history by one of the forecast helpers,
/// with the method, base years and fitted parameters printed beside the values.
struct PathwayForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast a driver (GDP, activity, intensity…) by compound growth, elasticity, a path to a target or GM(1,1).",
        discussion: """
            Example: peakzero pathway forecast --method gm11 --values 2016=2.874,2017=3.278,2018=3.337,2019=3.390,2020=3.679 \
            --base 2016-2020 --horizon 2025
            """)

    @Option(help: "compound_growth, elasticity, path_to_target or gm11.") var method: String
    @Option(help: "The history: YEAR=VALUE pairs separated by commas.") var values: String
    @Option(help: "The base years, FIRST-LAST (default: all years given).") var base: String?
    @Option(help: "The last year to forecast.") var horizon: Int
    @Option(help: "elasticity: the other driver's path (YEAR=VALUE pairs) through the horizon.") var driver: String?
    @Option(help: "elasticity: a given elasticity instead of one fitted on the base years.") var elasticity: Double?
    @Option(help: "path_to_target: the target value.") var target: Double?
    @Option(name: .customLong("target-year"), help: "path_to_target: the year of the target.") var targetYear: Int?
    @OptionGroup var output: TableOrJSONOption

    /// `2019=1.5,2020=2` as a dictionary; nil when a pair does not read.
    static func pairs(_ text: String) -> [Int: Double]? {
        var found: [Int: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let year = Int(parts[0]), let value = Double(parts[1]) else { return nil }
            found[year] = value
        }
        return found.isEmpty ? nil : found
    }

    func validate() throws {
        guard Forecast.Method(rawValue: method) != nil else {
            throw ValidationError("--method must be one of \(Forecast.Method.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard Self.pairs(values) != nil else { throw ValidationError("--values must be YEAR=VALUE pairs such as 2019=1.5,2020=1.6") }
        if let driver, Self.pairs(driver) == nil { throw ValidationError("--driver must be YEAR=VALUE pairs") }
        if let base, Self.span(base) == nil { throw ValidationError("--base must be FIRST-LAST, such as 2016-2020") }
    }

    static func span(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1] else { return nil }
        return parts[0]...parts[1]
    }

    func run() throws {
        let history = Self.pairs(values)!
        let span = base.flatMap(Self.span) ?? (history.keys.min()!...history.keys.max()!)
        let forecast: Forecast
        do {
            switch Forecast.Method(rawValue: method)! {
            case .compoundGrowth: forecast = try Forecast.compoundGrowth(history, base: span, horizon: horizon)
            case .greyModel: forecast = try Forecast.greyModel(history, base: span, horizon: horizon)
            case .elasticity:
                forecast = try Forecast.elasticity(
                    history, base: span, driver: driver.flatMap(Self.pairs) ?? [:], horizon: horizon, elasticity: elasticity)
            case .pathToTarget:
                guard let target, let targetYear else { throw ValidationError("path_to_target needs --target and --target-year") }
                forecast = try Forecast.pathToTarget(history, base: span, target: target, targetYear: targetYear, horizon: horizon)
            }
        } catch let problem as Forecast.Problem {
            throw ValidationError(Self.explain(problem))
        }
        print(output.isJSON ? Self.json(forecast) : Self.table(forecast))
    }

    static func explain(_ problem: Forecast.Problem) -> String {
        switch problem {
        case .tooFewBaseYears(let needed): "the method needs at least \(needed) base years"
        case .badBaseValue(let year): "the base year \(year) has no value above zero"
        case .horizonBeforeBase: "the horizon (and a target year) must come after the last base year"
        case .missingDriverYear(let year): "the driver has no value for \(year)"
        case .degenerate: "the series gives no fit (its least-squares system is singular)"
        }
    }

    static func table(_ forecast: Forecast) -> String {
        var table = TextTable(header: ["year", "value"])
        table.rightAligned = [1]
        for year in forecast.values.keys.sorted() {
            table.rows.append(["\(year)", String(format: "%.6g", forecast.values[year]!)])
        }
        let parameters = forecast.parameters.sorted { $0.key < $1.key }.map { "\($0.key) = \(String(format: "%.6g", $0.value))" }
        return "\(forecast.method.rawValue), base years \(forecast.baseYears.lowerBound)–\(forecast.baseYears.upperBound): "
            + parameters.joined(separator: ", ") + "\n" + table.render()
    }

    static func json(_ forecast: Forecast) -> String {
        let document: [String: Any] = [
            "method": forecast.method.rawValue, "base_years": [forecast.baseYears.lowerBound, forecast.baseYears.upperBound],
            "parameters": forecast.parameters,
            "values": Dictionary(uniqueKeysWithValues: forecast.values.map { (String($0.key), $0.value) }),
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
