import Foundation

// Inlinable, with its storage usable from inlined code: an import asks for a field's id ten million
// times, and a call into another module per field would cost more than the look-up.

/// Distinct byte strings numbered in the order first seen. A column of a million imported (or
/// stored) rows repeats a few thousand texts; each row's field is looked up here as bytes, with no
/// String made, and only a text seen for the first time is decoded (by the caller) and judged.
public struct ByteInterner: Sendable {
    /// Open addressing: each slot holds an id + 1, or 0 when empty. Always a power of two long.
    @usableFromInline var slots = [Int32](repeating: 0, count: 64)
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var starts: [Int] = []
    @usableFromInline var arena: [UInt8] = []

    @inlinable public init() {}

    @inlinable public var count: Int { hashes.count }

    /// The id of `bytes`, and whether it was seen for the first time.
    @inlinable public mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, bytes) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        starts.append(arena.count)
        arena.append(contentsOf: bytes)
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The bytes of an id, as UTF-8 text (invalid sequences repaired; callers pass validated text).
    @inlinable public func text(_ id: Int32) -> String {
        let start = starts[Int(id)]
        let end = Int(id) + 1 < starts.count ? starts[Int(id) + 1] : arena.count
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }

    @inlinable func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        let end = id + 1 < starts.count ? starts[id + 1] : arena.count
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            bytes.isEmpty || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    @usableFromInline mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id) + 1
        }
    }

    /// Eight bytes at a time, each word mixed in by a multiply, then a final mix so the low bits
    /// (the slot) depend on every byte.
    @inlinable static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
