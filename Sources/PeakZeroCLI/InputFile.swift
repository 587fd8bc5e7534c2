import Accounting
import Foundation

/// Reads a user's file as UTF-8 text, turning a missing or undecodable file into an `InputIssue`.
enum InputFile {
    static func text(at path: String) throws(InputIssues) -> String {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file: \(path)"
            throw InputIssues([InputIssue(file: name, problem: .unreadableFile(reason))])
        }
        // Strict: Foundation's decoder would replace bad bytes (a GBK file) instead of failing.
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw InputIssues([InputIssue(file: name, problem: .notUTF8)])
        }
        return text
    }

    static func displayName(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// The bundled factor library plus the user's factor files, in order (later ones win).
    static func library(adding paths: [String]) throws(InputIssues) -> FactorLibrary {
        var library = try FactorLibrary.standard()
        for path in paths {
            let name = displayName(path)
            library = library.adding(try FactorSet(csv: try text(at: path), name: name, file: name))
        }
        return library
    }
}
