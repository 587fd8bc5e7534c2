import Accounting
import Testing

@Suite("CSV reading")
struct CSVTableTests {
    @Test("quotes, doubled quotes, commas and line breaks inside fields")
    func quotedFields() throws {
        let table = try CSVTable(parsing: "a,\"b,c\",\"say \"\"hi\"\"\"\n\"x\ny\",z,\n")
        #expect(table.records == [["a", "b,c", "say \"hi\""], ["x\ny", "z", ""]])
    }

    @Test("LF, CRLF and CR line endings, BOM, no final newline")
    func lineEndings() throws {
        #expect(
            try CSVTable(parsing: "\u{FEFF}a,b\r\nc,d\re,f\ng,h").records == [
                ["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"],
            ])
    }

    @Test("an unterminated quote is an error naming its row")
    func unterminated() {
        #expect(throws: CSVTable.ParseError.unterminatedQuote(row: 2)) { try CSVTable(parsing: "a\n\"b\nc\n") }
    }
}
