import Testing

import FastStructures

/// `IntegerTable` against a Dictionary on the same keys: keys spread far apart, keys that differ in
/// their high bits only (the hash's shift keeps the high bits), and enough of them to grow the table
/// several times.
@Test func integerTableAgreesWithADictionary() {
    var table = IntegerTable()
    var reference: [Int64: Int32] = [:]
    var state: UInt64 = 0x1234_5678
    for n in 0..<20_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let key = n % 3 == 0 ? Int64(n) << 40 : Int64(bitPattern: state >> 1) % 50_000
        let stored = table.insertIfAbsent(key, Int32(n))
        #expect(stored == reference[key])
        if reference[key] == nil { reference[key] = Int32(n) }
    }
    #expect(table.count == reference.count)
    for (key, value) in reference { #expect(table[key] == value) }
    #expect(table[Int64.max] == nil)
}
