extension InputIssue {
    /// The full message: where (file, sheet, row, column), then what.
    public func message(in language: Language) -> String {
        let words = IssueMessage.catalogue
        // Texts from the file (its name, a sheet's, a header) are quoted shortened when long.
        func word(_ key: IssueMessage, _ arguments: [String: String] = [:]) -> String {
            words.text(key, language, arguments.mapValues { Problem.quoted($0, language) })
        }
        var place: [String] = []
        if let row { place.append(word(.placeRow, ["row": "\(row)"])) }
        if let column {
            place.append(
                columnLetter.map { word(.placeColumnLettered, ["letter": $0, "column": column]) }
                    ?? word(.placeColumn, ["column": column]))
        }
        let location = ([file.map { Problem.quoted($0, language) }, sheet.map { word(.placeSheet, ["sheet": $0]) }].compactMap { $0 }
            + [place.joined(separator: word(.placeJoiner))])
            .filter { !$0.isEmpty }
        let separator = word(.placeSeparator)
        return (location.isEmpty ? "" : location.joined(separator: separator) + separator) + problem.text(in: language)
    }
}
