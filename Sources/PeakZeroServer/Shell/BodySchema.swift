import Foundation

/// The JSON schema of a request body, read off the very type the handler decodes it into: the type
/// is decoded once from a probe that answers every question with a placeholder and writes down what
/// was asked — which keys, of which types, which of them optional, which texts are one of a fixed set.
/// So the document cannot drift from the decoder: a field added to the type is in the schema.
///
/// Keys are written as the API reads them (`convertFromSnakeCase`): a Swift name whose snake-case
/// form does not decode back to it (an acronym, `ncvGJ`) could never be sent, and is named in
/// `problems`, as is a type that refuses the placeholders (a test asks for none of either).
struct BodySchema {
    let schema: [String: Any]
    let problems: [String]

    init<T: Decodable>(of type: T.Type, keys: RequestBody.Keys = .converted) {
        let log = ProbeLog(keys: keys)
        do {
            schema = try SchemaProbe.probe(T.self, log: log).schema
        } catch {
            schema = [:]
            log.problems.append("\(T.self) could not be decoded from placeholders: \(error)")
        }
        problems = log.problems
    }

    /// The API's spelling of a Swift property name, as `JSONEncoder.convertToSnakeCase` writes it.
    static func snakeCase(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            // A capital starts a word after a small letter or digit, or ends a run of capitals (URLPath).
            let startsWord =
                character.isUppercase
                && ((previous.map { !$0.isUppercase } ?? false)
                    || (previous?.isUppercase == true && next?.isLowercase == true))
            if startsWord, !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// What `JSONDecoder.convertFromSnakeCase` makes of a JSON key.
    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }
}

/// A value whose decoder reads a text or an object by its own rules (a unit of measure, a
/// distribution named by one of its keys), which a probe's placeholders cannot walk: it states its
/// schema and an example itself.
protocol DescribedBodyValue {
    static var schema: [String: Any] { get }
    static var schemaExample: Self { get }
}

/// What the probe noticed that the schema cannot say.
private final class ProbeLog {
    let keys: RequestBody.Keys
    var problems: [String] = []

    init(keys: RequestBody.Keys) { self.keys = keys }
}

/// A `Decoder` that hands out placeholders and records the schema of what it was asked for.
private final class SchemaProbe: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    let log: ProbeLog
    /// The schema of the value decoded from this probe, set by the container it handed out.
    var schema: [String: Any] = [:]

    init(log: ProbeLog) { self.log = log }

    /// A placeholder of `type` and its schema.
    static func probe<T: Decodable>(_ type: T.Type, log: ProbeLog) throws -> (value: T, schema: [String: Any]) {
        if let (value, schema) = scalar(type) { return (value, schema) }
        if let described = type as? any DescribedBodyValue.Type {
            return (described.schemaExample as! T, described.schema)
        }
        if let dictionary = type as? any EnumKeyedDictionary.Type {
            // Keyed by a fixed set of texts: those are its property names, each optional.
            func open<D: EnumKeyedDictionary>(_ type: D.Type) throws -> (T, [String: Any]) {
                let valueSchema = try type.valueSchema(log)
                return (
                    D.empty as! T,
                    [
                        "type": "object", "additionalProperties": false,
                        "properties": Dictionary(uniqueKeysWithValues: type.keyNames.map { ($0, valueSchema) }),
                    ]
                )
            }
            return try open(dictionary)
        }
        if let cases = fixedTexts(type) {
            // A text that is one of a fixed set: the set is the type's cases.
            return (try probeDecode(T.self, from: cases[0], log: log), ["type": "string", "enum": cases])
        }
        let probe = SchemaProbe(log: log)
        let value = try T(from: probe)
        return (value, probe.schema)
    }

    private static func scalar<T>(_ type: T.Type) -> (T, [String: Any])? {
        switch type {
        case is String.Type: return ("x" as! T, ["type": "string"])
        case is Bool.Type: return (false as! T, ["type": "boolean"])
        case is Double.Type: return (1.0 as! T, ["type": "number"])
        case is Float.Type: return (Float(1) as! T, ["type": "number"])
        case is Int.Type: return (1 as! T, ["type": "integer"])
        case is Int64.Type: return (Int64(1) as! T, ["type": "integer", "format": "int64"])
        case is Int32.Type: return (Int32(1) as! T, ["type": "integer", "format": "int32"])
        case is UInt64.Type: return (UInt64(1) as! T, ["type": "integer", "minimum": 0])
        case is UInt8.Type: return (UInt8(1) as! T, ["type": "integer", "minimum": 0, "maximum": 255])
        case is Decimal.Type: return (Decimal(1) as! T, ["type": "number"])
        default: return nil
        }
    }

    /// The raw texts of an enumeration of texts (`CaseIterable`, raw value `String`).
    private static func fixedTexts<T>(_ type: T.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        func texts<C: CaseIterable>(_ type: C.Type) -> [String] {
            type.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        }
        let found = texts(iterable)
        return found.isEmpty ? nil : found
    }

    /// Decodes an enumeration's case from its raw text through a single-value probe.
    private static func probeDecode<T: Decodable>(_ type: T.Type, from text: String, log: ProbeLog) throws -> T {
        let probe = SchemaProbe(log: log)
        probe.fixedText = text
        return try T(from: probe)
    }

    /// The text a single-value container answers with, when decoding an enumeration's case.
    var fixedText: String?

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedProbe<Key>(probe: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedProbe(probe: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueProbe(probe: self) }
}

private struct KeyedProbe<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let probe: SchemaProbe
    var codingPath: [any CodingKey] { probe.codingPath }
    /// A dictionary's keys are its data: the probe offers one, and the object takes any names.
    private var isDictionary: Bool { String(describing: Key.self).contains("DictionaryCodingKey") }

    init(probe: SchemaProbe) {
        self.probe = probe
        // A type that decodes its fields through two containers (a row's key and name beside the
        // figures it shares with others) adds to the object the first began.
        if probe.schema["properties"] == nil {
            probe.schema = ["type": "object", "properties": [String: Any](), "required": [String]()]
        }
    }

    // A number, so that dictionaries keyed by integers (years) read it as well as those keyed by text.
    var allKeys: [Key] { isDictionary ? [Key(stringValue: "2030")].compactMap { $0 } : [] }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try field(type, key, required: true)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try field(type, key, required: false)
    }

    private func field<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T {
        let (value, schema) = try SchemaProbe.probe(type, log: probe.log)
        if isDictionary {
            probe.schema = ["type": "object", "additionalProperties": schema]
            return value
        }
        let converted = probe.log.keys == .converted
        let name = probe.log.keys == .asWritten ? key.stringValue : BodySchema.snakeCase(key.stringValue)
        if converted, BodySchema.camelCase(name) != key.stringValue {
            probe.log.problems.append("\(key.stringValue) cannot be sent: \(name) decodes as \(BodySchema.camelCase(name))")
        }
        var properties = probe.schema["properties"] as? [String: Any] ?? [:]
        // An optional field may be left out or sent as null.
        properties[name] = required ? schema : ["anyOf": [schema, ["type": "null"]]]
        probe.schema["properties"] = properties
        if required { probe.schema["required"] = (probe.schema["required"] as? [String] ?? []) + [name] }
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try field(type, key, required: true) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try field(type, key, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try field(type, key, required: true) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try field(type, key, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try field(type, key, required: true) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try field(type, key, required: true) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try field(type, key, required: false) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try field(type, key, required: false)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try field(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try field(type, key, required: false) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try field(type, key, required: false) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw ProbeUnsupported.nestedContainer(key.stringValue)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw ProbeUnsupported.nestedContainer(key.stringValue)
    }

    func superDecoder() throws -> any Decoder { throw ProbeUnsupported.nestedContainer("super") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw ProbeUnsupported.nestedContainer(key.stringValue) }
}

/// An array: one element is offered, and its schema is the items'.
private struct UnkeyedProbe: UnkeyedDecodingContainer {
    let probe: SchemaProbe
    var codingPath: [any CodingKey] { probe.codingPath }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }

    init(probe: SchemaProbe) {
        self.probe = probe
        probe.schema = ["type": "array", "items": [String: Any]()]
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try SchemaProbe.probe(type, log: probe.log)
        probe.schema["items"] = schema
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw ProbeUnsupported.nestedContainer("[]")
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw ProbeUnsupported.nestedContainer("[]")
    }

    mutating func superDecoder() throws -> any Decoder { throw ProbeUnsupported.nestedContainer("[]") }
}

/// A value decoded as one: a wrapper around a text or number, or an enumeration's case.
private struct SingleValueProbe: SingleValueDecodingContainer {
    let probe: SchemaProbe
    var codingPath: [any CodingKey] { probe.codingPath }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let text = probe.fixedText, T.self == String.self { return text as! T }
        let (value, schema) = try SchemaProbe.probe(type, log: probe.log)
        probe.schema = schema
        return value
    }

    func decode(_ type: String.Type) throws -> String {
        if let text = probe.fixedText { return text }
        probe.schema = ["type": "string"]
        return "x"
    }
}

/// A dictionary keyed by an enumeration of texts, which decodes only its own keys' names.
private protocol EnumKeyedDictionary {
    static var keyNames: [String] { get }
    static var empty: Self { get }
    static func valueSchema(_ log: ProbeLog) throws -> [String: Any]
}

extension Dictionary: EnumKeyedDictionary
where Key: CaseIterable & RawRepresentable, Key.RawValue == String, Value: Decodable {
    static var keyNames: [String] { Key.allCases.map(\.rawValue) }
    static var empty: Self { [:] }
    fileprivate static func valueSchema(_ log: ProbeLog) throws -> [String: Any] { try SchemaProbe.probe(Value.self, log: log).schema }
}

private enum ProbeUnsupported: Error {
    /// Hand-written decoders that open nested containers are not read by the probe (none does yet).
    case nestedContainer(String)
}
