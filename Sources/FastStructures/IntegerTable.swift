/// A map from non-negative 64-bit integers to 32-bit integers, by open addressing with a
/// multiplicative hash: an import's million duplicate checks (or a recalculation's million key look-ups) cost a few nanoseconds each, where a
/// Dictionary's seeded hashing costs several times that.
public struct IntegerTable: Sendable {
    @usableFromInline var keys = [Int64](repeating: -1, count: 1024)
    @usableFromInline var values = [Int32](repeating: 0, count: 1024)
    /// How many keys have a value.
    @inlinable public var count: Int { stored }
    @usableFromInline var stored = 0
    @usableFromInline var shift = 64 - 10

    @inlinable public init() {}

    /// The value stored for `key`, or nil.
    @inlinable public subscript(key: Int64) -> Int32? {
        precondition(key >= 0, "IntegerTable keys are non-negative")
        var slot = self.slot(key)
        while keys[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Stores `value` for `key` unless the key has a value; returns the value stored before, if any.
    @inlinable public mutating func insertIfAbsent(_ key: Int64, _ value: Int32) -> Int32? {
        precondition(key >= 0, "IntegerTable keys are non-negative")
        var slot = self.slot(key)
        while keys[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[slot] = key
        values[slot] = value
        stored += 1
        if stored * 2 > keys.count { grow() }
        return nil
    }

    @inlinable func slot(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    @usableFromInline mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [Int64](repeating: -1, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where key >= 0 {
            var slot = self.slot(key)
            while keys[slot] >= 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }
}
