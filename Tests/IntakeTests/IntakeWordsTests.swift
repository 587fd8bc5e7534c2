import Accounting
import Testing

@testable import Intake

@Suite("Words of templates, exports and import reports")
struct IntakeWordsTests {
    @Test("every word is in both languages, with the same placeholders and the same number of columns")
    func complete() {
        #expect(IntakeWords.catalogue.gaps == [])
    }

    @Test("a table's headers have one column per line; the indicators' first column is blank")
    func headers() {
        #expect(Language.zh.lines(.inventoryHeader).count == 12)
        #expect(Language.en.lines(.auditHeader).count == 16)
        #expect(Language.en.lines(.indicatorsHeader).first == "")
        #expect(Language.zh.lines(.indicatorsHeader).count == 11)
    }
}
