import Accounting

/// How pages name a region. The bundled tables name provinces only (GB/T 2260 city and county
/// names are not yet in `ReferenceData`), so a city or county is named by its province and code.
enum RegionNames {
    static func name(of region: RegionPrefix, _ language: Language) -> String {
        let province = ProvinceTable.bundled.province(code: String(region.prefix.prefix(2)))
        let provinceName = (language == .zh ? province?.nameZh : province?.nameEn) ?? region.prefix
        return region.level == .province ? provinceName : "\(provinceName) \(region.code)"
    }

    /// A factor's region as its table writes it: the nation (`CN`), a grid region (`north` …) or a
    /// two-digit province code; the code itself when none of those.
    static func factorRegion(_ code: String, _ t: Words, _ language: Language) -> String {
        if code.isEmpty { return "—" }
        if let named = t.optionalText(forKey: "factor_region_\(code)") { return named }
        if code.count == 2, let province = ProvinceTable.bundled.province(code: code) {
            return language == .zh ? province.nameZh : province.nameEn
        }
        return code
    }
}
