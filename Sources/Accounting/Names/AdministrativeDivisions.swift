import ReferenceData

/// The names of GB/T 2260 administrative divisions — provinces from `provinces.csv`, prefectures
/// and counties from `divisions.csv` — so that pages, exports and the command line show "绵阳市"
/// where a user would otherwise read "510700".
public struct AdministrativeDivisions: Sendable {
    public struct Division: Sendable, Hashable {
        public let code: String
        public let nameZh: String
        public let nameEn: String
        /// V where two editions of the list agree on code and name, S where only the newest has it.
        public let grade: Grade?

        public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
    }

    private let byCode: [String: Division]
    private let positions: [String: (longitude: Double, latitude: Double)]

    /// Where a province (its capital) or a prefecture (its seat) lies, to place it on a tile map.
    public func position(of code: String) -> (longitude: Double, latitude: Double)? {
        positions[code.count == 2 ? code + "0000" : code]
    }

    /// The division of a six-digit code (`510700`, `510703`), or of a province's two digits.
    public func division(code: String) -> Division? {
        if code.count == 2 || (code.count == 6 && code.hasSuffix("0000")) {
            guard let province = ProvinceTable.bundled.province(code: String(code.prefix(2))) else { return nil }
            return Division(code: province.code, nameZh: province.nameZh, nameEn: province.nameEn, grade: nil)
        }
        return byCode[code]
    }

    /// A roll-up's region key by name: a province by its two digits ("51"), a city by its four ("5107").
    public func name(ofPrefix prefix: String, _ language: Language) -> String {
        name(of: prefix.count == 2 ? prefix : prefix + "00", language)
    }

    /// How a region is named on a page: the province's name for a province; a prefecture or county by
    /// its own name ("绵阳市", "Mianyang City"), with its province before it when `withProvince`;
    /// the code itself when the code is in no edition PeakZero ships (a user's own or a new one).
    public func name(of code: String, _ language: Language, withProvince: Bool = false) -> String {
        guard let division = division(code: code) else {
            guard let province = division(code: String(code.prefix(2))) else { return code }
            return "\(province.name(language)) \(code)"
        }
        guard withProvince, division.code.count == 6, let province = self.division(code: String(code.prefix(2)))
        else { return division.name(language) }
        return language == .zh ? province.nameZh + division.nameZh : "\(division.nameEn), \(province.nameEn)"
    }

    public static let bundled: AdministrativeDivisions = {
        do {
            let table = try CSVTable(parsing: ReferenceData.divisionsCSV)
            var byCode: [String: Division] = [:]
            for record in table.records.dropFirst() where record.count >= 4 {
                byCode[record[0]] = Division(
                    code: record[0], nameZh: record[1], nameEn: record[2], grade: Grade(rawValue: record[3]))
            }
            var positions: [String: (longitude: Double, latitude: Double)] = [:]
            for record in try CSVTable(parsing: ReferenceData.divisionPositionsCSV).records.dropFirst()
            where record.count >= 3 {
                if let longitude = Double(record[1]), let latitude = Double(record[2]) {
                    positions[record[0]] = (longitude, latitude)
                }
            }
            return AdministrativeDivisions(byCode: byCode, positions: positions)
        } catch {
            fatalError("PeakZero's bundled divisions.csv is malformed: \(error)")
        }
    }()
}
