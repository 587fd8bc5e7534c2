import Accounting
import Governance
import Intake
import Pathways
import Persistence

/// The JSON schema of each query parameter the API reads, in one table: a parameter means the same
/// wherever it appears, so its type, its choices and its bounds are written once. A route whose
/// parameter of the same name takes other values says so in `overrides`. A test checks that every
/// declared parameter has an entry, so a new one cannot go out untyped.
enum QueryParameterSchemas {
    static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    static var year: [String: Any] { ["type": "integer"] }
    static var flag: [String: Any] { ["type": "boolean"] }
    static var text: [String: Any] { ["type": "string"] }

    static func choice(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    /// The cases of the enumeration the handler parses the parameter into, so the two cannot differ.
    static func choice<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String: Any] where E.RawValue == String {
        choice(type.allCases.map(\.rawValue))
    }

    /// A GB/T 2260 code of 2, 4 or 6 digits (a province, a city, a county; trailing zeros allowed).
    static var regionCode: [String: Any] { ["type": "string", "pattern": "^[0-9]{2}([0-9]{2}){0,2}$"] }

    static var byName: [String: [String: Any]] {
        [
            "unit_id": integer, "under": integer, "year": year, "from": year, "to": year,
            "revision": ["type": "integer", "minimum": 1],
            "month": ["type": "integer", "minimum": 1, "maximum": 12],
            "before": integer,
            "region": regionCode,
            "format": choice(Templates.Format.self), "lang": choice(Language.self),
            "scope2": choice(Scope2Method.self), "method": choice(Scope2Method.self),
            "approach": choice(ConsolidationApproach.self), "form": choice(DecompositionForm.self),
            "indicator": choice(TargetIndicator.self), "base": choice(EconomicBase.self),
            "kind": choice(Templates.Kind.self), "mode": choice(ImportReport.Mode.self),
            "dry_run": flag, "subtree": flag,
            "rate": ["type": "number", "exclusiveMinimum": -1, "exclusiveMaximum": 1],
            "gap": ["type": "number", "minimum": -Plausible.largestAmount, "maximum": Plausible.largestAmount],
            "date": ["type": "string", "format": "date"], "as_of": ["type": "string", "format": "date"],
            "actor": text, "action": text, "source": text, "file_name": text, "product_system": text,
            "limit": ["type": "integer", "minimum": 1, "maximum": Page<Int>.largestLimit],
            "cursor": text,
            "gwp": choice(GWPSet.self),
            "monte_carlo": ["type": "integer", "minimum": 0, "maximum": FootprintAPI.largestMonteCarlo],
            "seed": ["type": "integer", "minimum": 0],
        ]
    }

    /// Parameters whose values differ on some routes.
    static var overrides: [APIRoute: [String: [String: Any]]] {
        [
            .rankings: ["by": choice(RankingMeasure.self)],
            .unitPathwayHistory: ["by": choice(["child", "area"])],
            .listAudit: [
                "limit": ["type": "integer", "minimum": 1, "maximum": 1_000],
                "cursor": ["type": "string", "pattern": "^[0-9]+$"],
            ],
            .listAssetEvents: ["limit": ["type": "integer", "minimum": 1, "maximum": 5_000]],
            .inventoryReport: ["format": choice(["json", "xlsx", "pdf"])],
            .getIssuedReport: ["format": choice(["json", "xlsx", "pdf"])],
            .supervisorReport: ["format": choice(["json", "xlsx", "pdf"])],
            .climateReport: ["format": choice(["json", "xlsx", "pdf"]), "scope2": choice(["location", "market"])],
            .issueClimateReport: ["scope2": choice(["location", "market"])],
            .regionSupervisorReport: ["format": choice(["json", "xlsx", "pdf"])],
        ]
    }

    /// The schema of a path parameter.
    static func pathSchema(_ name: String) -> [String: Any] {
        switch name {
        case "code": regionCode
        case "period": ["type": "string", "pattern": "^[0-9]{4}(-([0-9]{2}|Q[1-4]))?$"]
        case "kind": choice(Templates.Kind.self)
        case "name": ["type": "string", "minLength": 1]
        default: integer
        }
    }

    /// The schema of `name` on `route`; nil when the table lacks it (a test fails on that).
    static func schema(_ name: String, on route: APIRoute) -> [String: Any]? {
        overrides[route]?[name] ?? byName[name]
    }
}
