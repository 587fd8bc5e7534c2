/// A province, city or county as the prefix of GB/T 2260 codes: 51 (Sichuan) → 5101 (Chengdu)
/// → 510104 (Jinjiang). `510000` and `510100` are read as the province and the city.
public struct RegionPrefix: Sendable, Hashable, CustomStringConvertible {
    public let prefix: String

    public init?(_ text: String) {
        let digits = text.trimmed
        guard [2, 4, 6].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var prefix = digits
        while prefix.count > 2, prefix.hasSuffix("00") { prefix.removeLast(2) }
        guard ProvinceTable.bundled.province(code: String(prefix.prefix(2))) != nil else { return nil }
        self.prefix = prefix
    }

    public var level: Level {
        switch prefix.count {
        case 2: .province
        case 4: .city
        default: .county
        }
    }

    public enum Level: String, Sendable { case province, city, county }

    /// The six-digit code (510000, 510100, 510104).
    public var code: String { prefix + String(repeating: "0", count: 6 - prefix.count) }
    public var description: String { code }

    public func contains(_ regionCode: String) -> Bool { regionCode.hasPrefix(prefix) }
}
