import Accounting

/// How pages name a region. The bundled tables name provinces only (GB/T 2260 city and county
/// names are not yet in `ReferenceData`), so a city or county is named by its province and code.
enum RegionNames {
    static func name(of region: RegionPrefix, _ language: Language) -> String {
        let province = ProvinceTable.bundled.province(code: String(region.prefix.prefix(2)))
        let provinceName = (language == .zh ? province?.nameZh : province?.nameEn) ?? region.prefix
        return region.level == .province ? provinceName : "\(provinceName) \(region.code)"
    }
}
