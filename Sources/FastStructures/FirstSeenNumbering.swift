/// Distinct keys numbered 1, 2, 3 … in the order they are first met, and the number of every key
/// met, in order. An inventory's million lines share a few thousand lineages: each line asks for its
/// lineage's number as it is computed, so lines can be written while later keys are still unread.
public struct FirstSeenNumbering<Key: Hashable>: Sendable where Key: Sendable {
    /// The number of each key met, in the order met (repeats included).
    @inlinable public var numbers: [Int64] { met }
    @usableFromInline var met: [Int64] = []
    @usableFromInline var numberOfKey: [Key: Int64] = [:]

    @inlinable public init() {}

    /// How many distinct keys have been met.
    @inlinable public var distinctCount: Int { numberOfKey.count }

    /// Records that `key` was met; its number, and whether it was met here for the first time.
    @discardableResult
    @inlinable public mutating func meet(_ key: Key) -> (number: Int64, isNew: Bool) {
        if let number = numberOfKey[key] {
            met.append(number)
            return (number, false)
        }
        let number = Int64(numberOfKey.count + 1)
        numberOfKey[key] = number
        met.append(number)
        return (number, true)
    }
}
