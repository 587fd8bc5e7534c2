import Crypto
import Foundation

/// SHA-256, to name an imported file by its content: the same bytes give the same batch, so a
/// file imported twice is recognised. swift-crypto's, which uses the processor's SHA instructions
/// where it has them (a 40 MiB file hashes in a few hundredths of a second).
enum SHA256 {
    /// The digest as 64 lowercase hexadecimal digits.
    static func hex(_ data: Data) -> String {
        var hasher = Hasher()
        hasher.update(data)
        return hasher.finish()
    }

    /// A digest computed as the bytes stream by.
    struct Hasher {
        private var state = Crypto.SHA256()

        mutating func update(_ data: Data) { state.update(data: data) }

        mutating func finish() -> String {
            state.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }
}
