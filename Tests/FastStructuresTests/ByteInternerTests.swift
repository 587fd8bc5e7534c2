import FastStructures
import Testing

/// `ByteInterner` against a Dictionary of Strings: ids given in the order texts are first seen, the
/// same id for the same bytes however often they come, texts that share a prefix or differ only in
/// length kept apart, the empty text among them, and enough texts to grow the table several times.
@Test func byteInternerNumbersTextsInTheOrderFirstSeen() {
    var interner = ByteInterner()
    var reference: [String: Int32] = [:]
    let texts = ["", "a", "ab", "abc", "ba", "煤", "煤炭", "电力"] + (0..<3_000).map { "item-\($0 % 1_000)-\($0 % 7)" }
    for text in texts {
        var utf8 = Array(text.utf8)
        let (id, isNew) = utf8.withUnsafeMutableBufferPointer { interner.id(of: UnsafeBufferPointer($0)) }
        #expect(isNew == (reference[text] == nil))
        if let known = reference[text] { #expect(id == known) } else { #expect(id == Int32(reference.count)) }
        reference[text] = reference[text] ?? id
    }
    #expect(interner.count == reference.count)
    for (text, id) in reference { #expect(interner.text(id) == text) }
}
