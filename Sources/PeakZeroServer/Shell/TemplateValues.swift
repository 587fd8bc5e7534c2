import Synchronization

/// A page model made ready for the template engine: each plain struct or class in it becomes a
/// dictionary of its fields, read by reflection once. The engine would otherwise reflect a struct
/// again for every name it looks up in it and scan all its fields each time — for a table of a few
/// hundred rows, most of the page's rendering time.
///
/// What the engine sees does not change: a field that is nil is absent (the engine then looks
/// further up, as it does for a nil field), arrays stay arrays, and a struct that describes itself
/// (`CustomStringConvertible`, such as a period) is kept as it is, to be printed as before.
enum TemplateValues {
    static func prepared(_ value: Any) -> Any? {
        // The leaves — most of a page's values — need no reflection at all.
        switch value {
        case is String, is Int, is Bool, is Double, is Int64: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { prepared($0.value) }
        case .collection:
            return mirror.children.map { prepared($0.value) ?? $0.value }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.compactMapValues(prepared)
        case .struct, .class:
            if describesItself(value) { return value }
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let field = prepared(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }

    /// Whether values of this type print themselves, remembered by type: asking the runtime for a
    /// conformance every time was a tenth of a chart-heavy page's rendering.
    private static let describing = Mutex<[ObjectIdentifier: Bool]>([:])

    private static func describesItself(_ value: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = describing.withLock({ $0[type] }) { return known }
        let answer = value is any CustomStringConvertible
        describing.withLock { $0[type] = answer }
        return answer
    }
}
