import Accounting

/// What stops a decomposition, and where: a year, a sector and a carrier as the data names them.
public struct DecompositionProblem: Error, Sendable, Equatable, Comparable {
    public struct Place: Sendable, Equatable, Comparable {
        public var year: Int?
        public var sector: String?
        public var carrier: String?

        public init(year: Int?, sector: String?, carrier: String?) {
            self.year = year
            self.sector = sector
            self.carrier = carrier
        }

        public static func < (a: Self, b: Self) -> Bool {
            ((a.year ?? 0), a.sector ?? "", a.carrier ?? "") < ((b.year ?? 0), b.sector ?? "", b.carrier ?? "")
        }
    }

    public enum Kind: String, MessageKey {
        case carrierMissing, negativeOrNotFinite, repeated, activityDiffers, emissionsWithoutEnergy
        case energyWithoutActivity, noActivity, yearMissing, sameYear, zeroTotal
    }

    public let place: Place
    public let kind: Kind

    public init(_ place: Place, _ kind: Kind) {
        self.place = place
        self.kind = kind
    }

    public static func < (a: Self, b: Self) -> Bool {
        a.place == b.place ? a.kind.rawValue < b.kind.rawValue : a.place < b.place
    }

    /// The problem in a language, its place first ("2020 年 · 工业 · 原煤：…").
    public func text(_ language: Language) -> String {
        let parts = [place.year.map { language == .zh ? "\($0) 年" : "\($0)" }, place.sector, place.carrier]
            .compactMap { $0 }
        let message = Self.catalogue.text(kind, language)
        return parts.isEmpty ? message : parts.joined(separator: " · ") + (language == .zh ? "：" : ": ") + message
    }
}

/// Every problem found, in the data's order.
public struct DecompositionProblems: Error, Sendable, Equatable {
    public let problems: [DecompositionProblem]
    public init(_ problems: [DecompositionProblem]) { self.problems = problems }

    public func text(_ language: Language) -> String { problems.map { $0.text(language) }.joined(separator: "\n") }
}
