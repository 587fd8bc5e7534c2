import Footprint

// The product model's values that decode by their own rules, described for the OpenAPI document.

extension FlowUnit: DescribedBodyValue {
    static var schema: [String: Any] {
        [
            "type": "string",
            "description":
                "a unit of measure: t, kg, 万t, Nm3, 万Nm3, kWh, MWh, GJ, MJ, tce, kgce, item (件), t*km (吨公里), L (升)",
        ]
    }
    static var schemaExample: FlowUnit { .items }
}

extension Allocation: DescribedBodyValue {
    static var schema: [String: Any] {
        [
            "type": "object", "required": ["method"],
            "properties": [
                "method": ["type": "string", "enum": ["physical", "economic", "factors", "substitution"]],
                "factors": ["type": "array", "items": ["type": "number"]],
            ],
        ]
    }
    static var schemaExample: Allocation { .physical }
}

extension Uncertainty: DescribedBodyValue {
    static var schema: [String: Any] {
        let number: [String: Any] = ["type": "number"]
        let score: [String: Any] = ["type": "integer", "minimum": 1, "maximum": 5]
        return [
            "type": "object", "required": ["distribution"],
            "properties": [
                "distribution": [
                    "type": "string", "enum": ["lognormal", "normal", "triangular", "uniform", "pedigree"],
                ],
                "gsd": number, "sd": number, "min": number, "max": number, "reliability": score,
                "completeness": score, "temporal": score, "geographical": score, "technological": score,
                "basic_gsd": number,
            ],
        ]
    }
    static var schemaExample: Uncertainty { .lognormal(gsd: 1.1) }
}
