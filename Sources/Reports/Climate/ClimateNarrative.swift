import Accounting

/// The words a company writes around its figures, by the four parts of the MoF climate standard
/// and the exchanges' guidelines (governance; strategy; management of impacts, risks and
/// opportunities; metrics and targets) and who assured the figures. Plain text only: PeakZero
/// keeps it with the report and prints it escaped; markup is refused so that what the company
/// wrote is what every rendering shows.
public struct ClimateNarrative: Sendable, Codable, Equatable {
    public var governance: String
    public var strategy: String
    public var riskManagement: String
    public var metricsAndTargets: String
    /// How and when the base year's figures are recalculated (structural changes, methods, errors).
    public var recalculationPolicy: String
    public var assurance: String

    public init(
        governance: String = "", strategy: String = "", riskManagement: String = "", metricsAndTargets: String = "",
        recalculationPolicy: String = "", assurance: String = ""
    ) {
        self.governance = governance
        self.strategy = strategy
        self.riskManagement = riskManagement
        self.metricsAndTargets = metricsAndTargets
        self.recalculationPolicy = recalculationPolicy
        self.assurance = assurance
    }

    /// A section left out reads as empty, so a client may send only what it writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(
            governance: try text(.governance), strategy: try text(.strategy),
            riskManagement: try text(.riskManagement), metricsAndTargets: try text(.metricsAndTargets),
            recalculationPolicy: try text(.recalculationPolicy), assurance: try text(.assurance))
    }

    /// The sections by their field names (snake case, as the API and forms name them).
    public static let fields = [
        "governance", "strategy", "risk_management", "metrics_and_targets", "recalculation_policy", "assurance",
    ]

    public subscript(field: String) -> String {
        get {
            switch field {
            case "governance": governance
            case "strategy": strategy
            case "risk_management": riskManagement
            case "metrics_and_targets": metricsAndTargets
            case "recalculation_policy": recalculationPolicy
            case "assurance": assurance
            default: ""
            }
        }
        set {
            switch field {
            case "governance": governance = newValue
            case "strategy": strategy = newValue
            case "risk_management": riskManagement = newValue
            case "metrics_and_targets": metricsAndTargets = newValue
            case "recalculation_policy": recalculationPolicy = newValue
            case "assurance": assurance = newValue
            default: break
            }
        }
    }

    /// The longest a section may be, in characters: a report's part, not a book.
    public static let maxLength = 20_000

    /// What is wrong with each section: markup (a tag, a comment, an entity), control characters,
    /// too long. Empty when all may be kept.
    public func problems() -> [(field: String, zh: String, en: String)] {
        var found: [(String, String, String)] = []
        for field in Self.fields {
            let text = self[field]
            if let tag = Self.markup(in: text) {
                found.append(
                    (field, "只能填写纯文本，不能含标记“\(tag)”", "plain text only: remove the markup “\(tag)”"))
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && !["\n", "\r", "\t"].contains($0) }) {
                found.append((field, "含有不可见的控制字符", "contains invisible control characters"))
            }
            if text.count > Self.maxLength {
                found.append(
                    (field, "超过 \(Self.maxLength) 个字符(现为 \(text.count))", "longer than \(Self.maxLength) characters (\(text.count))"))
            }
        }
        return found
    }

    /// The first piece of markup in `text`: `<` followed by a letter, `/`, `!` or `?` (a tag, a
    /// comment, a declaration), or an HTML entity such as `&lt;`. `a < b` and `5<10` are text.
    static func markup(in text: String) -> String? {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "<" || character == "&" {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if character == "<", next.isLetter || "/!?".contains(next) {
                let end = characters[index...].firstIndex(of: ">").map { min($0 + 1, index + 24) } ?? min(characters.count, index + 12)
                return String(characters[index..<end])
            }
            if character == "&", let semicolon = characters[(index + 1)...].prefix(10).firstIndex(of: ";"),
                semicolon > index + 1,
                characters[(index + 1)..<semicolon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" })
            {
                return String(characters[index...semicolon])
            }
        }
        return nil
    }
}
