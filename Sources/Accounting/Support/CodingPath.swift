extension [any CodingKey] {
    /// A decoding error's place as the file or request spells it: `savings[0].unit`,
    /// `declared_unit.unit` — JSON keys are snake_case, and `convertFromSnakeCase` reports them in
    /// camelCase.
    public var snakePath: String {
        map { key in
            key.intValue.map { "[\($0)]" }
                ?? "."
                + key.stringValue.reduce(into: "") { out, c in
                    if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
                }
        }.joined().trimmingPrefix(".").description
    }
}
