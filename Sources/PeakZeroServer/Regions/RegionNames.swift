import Accounting

/// How pages name a region: by the bundled GB/T 2260 names (`AdministrativeDivisions`).
enum RegionNames {
    static func name(of region: RegionPrefix, _ language: Language) -> String {
        AdministrativeDivisions.bundled.name(of: region.code, language)
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
