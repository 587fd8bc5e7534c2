import Foundation

/// A six-digit administrative division code (GB/T 2260), e.g. 510104. Its first two digits name
/// the province, which decides the grid factor; codes nest by prefix (51 → 5101 → 510104).
public struct RegionCode: Sendable, Hashable, CustomStringConvertible {
    public let code: String

    /// Accepts exactly six ASCII digits whose province part is a GB/T 2260 province.
    public init?(_ text: String, provinces: ProvinceTable = .bundled) {
        let t = text.trimmed
        guard t.count == 6, t.allSatisfy({ $0.isASCII && $0.isNumber }),
            provinces.province(code: String(t.prefix(2))) != nil
        else { return nil }
        code = t
    }

    public var provinceCode: String { String(code.prefix(2)) }
    public var description: String { code }
}
