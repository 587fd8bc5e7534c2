import FastStructures
import Testing

@Test func firstSeenNumberingCountsFromOneInTheOrderKeysAreMet() {
    var numbering = FirstSeenNumbering<String>()
    let met = ["coal", "gas", "coal", "power", "gas", "coal"].map { numbering.meet($0) }
    #expect(met.map(\.number) == [1, 2, 1, 3, 2, 1])
    #expect(met.map(\.isNew) == [true, true, false, true, false, false])
    #expect(numbering.numbers == [1, 2, 1, 3, 2, 1])
    #expect(numbering.distinctCount == 3)
}

/// Keys that are equal as values share a number even when built separately (a lineage's factors are
/// compared by value, not by identity).
@Test func firstSeenNumberingComparesKeysByValue() {
    struct Key: Hashable, Sendable {
        let item: String
        let factors: [Double]
    }
    var numbering = FirstSeenNumbering<Key>()
    numbering.meet(Key(item: "coal", factors: [26.7, 0.94]))
    numbering.meet(Key(item: "coal", factors: [26.7, 0.95]))
    let again = numbering.meet(Key(item: "coal", factors: [26.7, 0.94]))
    #expect(again.number == 1 && !again.isNew)
    #expect(numbering.numbers == [1, 2, 1])
}
