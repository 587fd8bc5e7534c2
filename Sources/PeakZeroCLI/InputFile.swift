import Accounting
import Foundation

/// Reads a user's file as UTF-8 text, turning a missing or undecodable file into an `InputIssue`.
enum InputFile {
    static func text(at path: String) throws(InputIssues) -> String {
        try UserFile.text(try UserFile.contents(atPath: path), file: UserFile.name(of: path))
    }

    static func displayName(_ path: String) -> String { UserFile.name(of: path) }

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
