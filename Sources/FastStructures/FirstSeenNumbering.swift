/// Distinct keys numbered 1, 2, 3 … in the order they are first met, and the number of every key
/// met, in order. An inventory's million lines share a few thousand lineages: each line asks for its
/// lineage's number as it is computed, so lines can be written while later keys are still unread.
public struct FirstSeenNumbering<Key: Hashable>: Sendable where Key: Sendable {
    /// The number of each key met, in the order met (repeats included).
    public private(set) var numbers: [Int64] = []
    private var numberOfKey: [Key: Int64] = [:]

    public init() {}

    /// How many distinct keys have been met.
    public var distinctCount: Int { numberOfKey.count }

    /// Records that `key` was met; its number, and whether it was met here for the first time.
    @discardableResult
    public mutating func meet(_ key: Key) -> (number: Int64, isNew: Bool) {
        if let number = numberOfKey[key] {
            numbers.append(number)
            return (number, false)
        }
        let number = Int64(numberOfKey.count + 1)
        numberOfKey[key] = number
        numbers.append(number)
        return (number, true)
    }
}
