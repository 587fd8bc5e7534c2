import Crypto
import Foundation

/// Random secrets (session cookies, API tokens, form tokens) and the hashes they are kept as.
public enum Secret {
    /// 32 random bytes from the system's secure generator, as URL-safe base64 with a prefix that
    /// says what it is (`pzs_` session, `pzt_` token, `pzc_` form token).
    static func make(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// The SHA-256 of a secret in hex: what the database keeps, so a copy of it opens nothing.
    public static func hash(_ secret: String) -> String {
        // Hex digits by table: this runs on every signed-in request.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        var text = secret
        let digest = text.withUTF8 { SHA256.hash(data: $0) }  // the bytes in place, not copied into Data
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
