import Foundation

/// Checks a JSON value (as `JSONSerialization` reads it) against the part of JSON Schema that
/// PeakZero's OpenAPI document uses: types, properties, required, additionalProperties, items,
/// minItems, enum, anyOf, oneOf, allOf. Returns each mismatch with its path; none when it fits.
enum JSONSchemaCheck {
    static func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let choices = schema["anyOf"] as? [[String: Any]] ?? schema["oneOf"] as? [[String: Any]] {
            let each = choices.map { problems(value, $0, at: path) }
            return each.contains { $0.isEmpty } ? [] : ["\(path): fits none of its choices (\(each.flatMap { $0 }.prefix(3)))"]
        }
        if let all = schema["allOf"] as? [[String: Any]] { return all.flatMap { problems(value, $0, at: path) } }
        var found: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }),
            !types.contains(where: { fits(value, $0) })
        {
            return ["\(path): \(type(of: value)) is not \(types.joined(separator: " or "))"]
        }
        if let choices = schema["enum"] as? [String], let text = value as? String, !choices.contains(text) {
            found.append("\(path): \"\(text)\" is not one of \(choices)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): lacks \(name)")
            }
            for (name, member) in object {
                if let property = properties[name] {
                    found += problems(member, property, at: "\(path).\(name)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(member, extra, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false || !properties.isEmpty {
                    // An object with declared properties has no others: a key the type does not have.
                    found.append("\(path): has \(name), which the schema does not")
                }
            }
        }
        if let array = value as? [Any] {
            if let least = schema["minItems"] as? Int, array.count < least { found.append("\(path): fewer than \(least)") }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() { found += problems(element, items, at: "\(path)[\(index)]") }
            }
        }
        return found
    }

    private static func fits(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer":
            guard let number = value as? NSNumber, !(value is String) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !(value is String)
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return true
        }
    }
}
