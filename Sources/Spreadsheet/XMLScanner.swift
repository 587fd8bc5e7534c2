import Foundation

/// A small XML parser over bytes for the parts of a workbook: elements with attributes, text with
/// the five named entities and character references, comments, processing instructions and CDATA.
/// No DTDs (a workbook never has one; refusing them also refuses entity tricks). It checks that the
/// document is well formed — tags nest and match, attributes are quoted, nothing follows the root —
/// and reports the line of the first fault. Element names are given without their prefix.
/// Foundation's parser made a 200,000-row sheet take seconds; this one reads it in a fraction.
struct XMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let part: String
    var i = 0

    static func parse(
        _ data: Data, part: String, onStart: (String, XMLAttributes) throws -> Void,
        onEnd: (String, String) throws -> Void
    ) throws {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(bytes: raw.bindMemory(to: UInt8.self), part: part)
            try scanner.run(onStart: onStart, onEnd: onEnd)
        }
    }

    private func fail(_ reason: String) -> SpreadsheetError {
        let line = bytes[..<min(i, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .malformedXML(part: part, line: line, reason: reason)
    }

    private func at(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != text.utf8Start[k] { return false }
        return true
    }

    private mutating func skip(past end: StaticString, what: String) throws {
        while i < bytes.count {
            if at(end) {
                i += end.utf8CodeUnitCount
                return
            }
            i += 1
        }
        throw fail("\(what) never closed")
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
            || b == 0x2D || b == 0x2E || b == 0x3A
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private mutating func readName() throws -> String { try readNames().name }

    /// A name as written and without its prefix (`x:c` and `c`).
    private mutating func readNames() throws -> (name: String, local: String) {
        let start = i
        var localStart = i
        while i < bytes.count, Self.isNameByte(bytes[i]) {
            if bytes[i] == 0x3A { localStart = i + 1 }
            i += 1
        }
        guard i > start else { throw fail("a tag without a name") }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard localStart > start else { return (name, name) }
        return (name, String(decoding: UnsafeBufferPointer(rebasing: bytes[localStart..<i]), as: UTF8.self))
    }

    private mutating func skipSpace() { while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 } }

    /// Text from `start` to `end` with entities decoded.
    private func decoded(_ start: Int, _ end: Int) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            let b = slice[k]
            guard b == 0x26 else {
                out.append(b)
                k += 1
                continue
            }
            guard let semicolon = slice[k...].firstIndex(of: 0x3B), semicolon - k <= 10 else {
                throw fail("an & that starts no entity")
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: slice[(k + 1)..<semicolon]), as: UTF8.self)
            switch entity {
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "amp": out.append(0x26)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                let code: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    code = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    code = UInt32(entity.dropFirst())
                } else {
                    code = nil
                }
                guard let code, let scalar = Unicode.Scalar(code) else { throw fail("an undefined entity &\(entity);") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func run(
        onStart: (String, XMLAttributes) throws -> Void, onEnd: (String, String) throws -> Void
    ) throws {
        var stack: [String] = []
        var attributes = XMLAttributes()
        var text = ""
        var sawRoot = false
        while i < bytes.count {
            if bytes[i] != 0x3C {
                let start = i
                while i < bytes.count, bytes[i] != 0x3C { i += 1 }
                if stack.isEmpty {
                    guard UnsafeBufferPointer(rebasing: bytes[start..<i]).allSatisfy(Self.isSpace) else {
                        throw fail(sawRoot ? "text after the end of the document" : "text before the document")
                    }
                } else {
                    text += try decoded(start, i)
                }
                continue
            }
            if at("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if at("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if at("<![CDATA[") {
                guard !stack.isEmpty else { throw fail("CDATA outside the document") }
                i += 9
                let start = i
                try skip(past: "]]>", what: "a CDATA section")
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 3)]), as: UTF8.self)
            } else if at("<!") {
                throw fail("a DOCTYPE or other declaration (not allowed in a workbook)")
            } else if at("</") {
                i += 2
                let (name, local) = try readNames()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3E else { throw fail("a malformed end tag") }
                i += 1
                guard let open = stack.popLast(), open == name else {
                    throw fail("an element closed by the wrong end tag </\(name)>")
                }
                try onEnd(local, text)
                text = ""
            } else {
                i += 1
                let (name, local) = try readNames()
                guard stack.isEmpty ? !sawRoot : true else { throw fail("a second root element") }
                attributes.pairs.removeAll(keepingCapacity: true)
                var selfClosing = false
                while true {
                    let before = i
                    skipSpace()
                    guard i < bytes.count else { throw fail("the part ends inside a tag") }
                    if bytes[i] == 0x3E {
                        i += 1
                        break
                    }
                    if at("/>") {
                        i += 2
                        selfClosing = true
                        break
                    }
                    guard i > before else { throw fail("a malformed attribute") }
                    let attribute = try readName()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x3D else { throw fail("a malformed attribute") }
                    i += 1
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else {
                        throw fail("an attribute value without quotes")
                    }
                    let quote = bytes[i]
                    i += 1
                    let start = i
                    while i < bytes.count, bytes[i] != quote {
                        if bytes[i] == 0x3C { throw fail("a < inside an attribute value") }
                        i += 1
                    }
                    guard i < bytes.count else { throw fail("the part ends inside an attribute value") }
                    attributes.pairs.append((attribute, try decoded(start, i)))
                    i += 1
                }
                sawRoot = true
                text = ""
                try onStart(local, attributes)
                if selfClosing {
                    try onEnd(local, "")
                } else {
                    stack.append(name)
                }
            }
        }
        guard sawRoot else { throw fail("empty") }
        guard stack.isEmpty else { throw fail("the part ends inside an element") }
    }
}

/// An element's attributes in document order: a handful each, found by a linear search, in one
/// array the scanner reuses (a dictionary per element was among the costliest parts of reading a
/// large sheet).
struct XMLAttributes: Sequence {
    fileprivate var pairs: [(key: String, value: String)] = []

    subscript(name: String) -> String? { pairs.first { $0.key == name }?.value }

    func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }
}
