import Foundation

/// The tables PeakZero ships with, as the text of their CSV files. Each factor row carries its
/// source, document number, data year and grade (V verified, S single source, U unverified);
/// `docs/factor-library.md` explains the columns.
public enum ReferenceData {
    /// A label for this edition of the bundled tables; it is printed with every inventory.
    public static let edition = "PeakZero CN 2026.11"

    /// `factors.csv`: fuel parameters, standard-coal coefficients, grid, heat and GWP factors.
    public static var factorsCSV: String { text(of: "factors") }

    /// `items.csv`: energy carriers, materials and gases with their Chinese and English names.
    public static var itemsCSV: String { text(of: "items") }

    /// `provinces.csv`: GB/T 2260 province codes and the grid region each belongs to.
    public static var provincesCSV: String { text(of: "provinces") }

    /// `divisions.csv`: GB/T 2260 prefecture- and county-level divisions (code, Chinese and English
    /// name, grade): V where the NBS 2023 list and the MCA April 2019 list agree, S where only the
    /// newer one has it. English names are romanised and unverified; `docs/factor-library.md`.
    public static var divisionsCSV: String { text(of: "divisions") }

    /// `division-positions.csv`: where each province (by its capital) and prefecture lies, in degrees
    /// of longitude and latitude, only to arrange tile maps; `docs/factor-library.md` names the source.
    public static var divisionPositionsCSV: String { text(of: "division-positions") }

    /// `industries.csv`: the sections (门类) and divisions (大类) of GB/T 4754-2017 with Chinese names
    /// and PeakZero's English renderings.
    public static var industriesCSV: String { text(of: "industries") }

    /// `reference-texts.csv`: each source, document, note and worded unit of `factors.csv` and
    /// `carbon-efficiency.csv` as written there, in Chinese and in English, so a page shows the
    /// citation in its reader's language.
    public static var referenceTextsCSV: String { text(of: "reference-texts") }

    /// `carbon-efficiency.csv`: the carbon-efficiency levels (by L) and grades (by K) of the Zhejiang
    /// method (碳效码), with their bounds, names, colours and source: the defaults an installation
    /// may replace, since the provincial standard adjusts its thresholds.
    public static var carbonEfficiencyCSV: String { text(of: "carbon-efficiency") }

    /// `regional-carriers.csv`: how each carrier of regional statistics gets its CO2 per tce and its
    /// 等价值 ratio from the factor library (the representative item and why).
    public static var regionalCarriersCSV: String { text(of: "regional-carriers") }

    /// `item-carriers.csv`: which regional carrier (coal, oil, natural gas, electricity, heat) each
    /// energy item of `items.csv` is counted under, as the energy balance sheet groups them.
    public static var itemCarriersCSV: String { text(of: "item-carriers") }

    /// `industry-areas.csv`: which of a carbon-peak plan's six areas each GB/T 4754-2017 division
    /// belongs to (PeakZero's convention, grade U, said so in every row).
    public static var industryAreasCSV: String { text(of: "industry-areas") }

    /// `carbon-market-rules.csv`: the carbon market's rule records (the CCER limit, deadlines,
    /// borrowing ahead, the certificates' validity), one parameter a row, each with its market,
    /// sectors, years and source. Rules PeakZero does not know are entered by the user.
    public static var carbonMarketRulesCSV: String { text(of: "carbon-market-rules") }

    private static func text(of name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // The files are part of the build; their absence is a broken installation, not bad input.
            fatalError("PeakZero's bundled table \(name).csv is missing from the ReferenceData resources")
        }
        return text
    }
}
