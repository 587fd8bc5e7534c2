import Accounting
import Governance
import ReferenceData
import Reports
import Testing

/// The check the Chromium suite runs on every page, on texts whose answer is known.
@Suite("Each page in its own language")
struct LanguagePurityTests {
    @Test("an English word in a Chinese text is found; symbols, codes, names and addresses are not words")
    func englishInChinese() {
        #expect(LanguagePurity.englishWord(in: "活动数据 electricity 的用量") == "electricity")
        #expect(LanguagePurity.englishWord(in: "Peak 2030") == "Peak")
        #expect(LanguagePurity.englishWord(in: "bituminous_coal") == "bituminous")
        for clean in [
            "碳排放总量 123.4 万 tCO2e", "CH4 与 N2O", "305.5 gce/kWh", "GB/T 2589-2020 表A.2", "导出 Excel",
            "见 https://nimonik.com.cn/blog/ FAQ", "openclimatedata/globalwarmingpotentials 的 globalwarmingpotentials.csv",
            "IFRS S2 ¶29(a)(iii)", "PeakZero", "CCER 与 CEA",
        ] {
            #expect(LanguagePurity.englishWord(in: clean) == nil, "\(clean)")
        }
    }

    @Test("a Chinese character or full-width mark in an English text is found")
    func chineseInEnglish() {
        #expect(LanguagePurity.chineseCharacter(in: "carbon intensity (tCO2e/万元)") == "万")
        #expect(LanguagePurity.chineseCharacter(in: "Targets met：2/6") == "：")
        #expect(LanguagePurity.chineseCharacter(in: "Peak: 2030 · 1,234 tCO2e — fine") == nil)
    }

    @Test("what users typed is theirs: a Chinese unit name in an English page is no slip, a shortened one neither")
    func typedTextsAreLeftAlone() {
        let typed = ["天府农牧与新材料集团有限公司（虚构）", "electricity meter A"]
        #expect(LanguagePurity.slips(in: ["Unit 天府农牧与新材料集团有限公司（虚构） 2024"], language: "en", typed: typed).isEmpty)
        #expect(LanguagePurity.slips(in: ["天府农牧与新材料集团有限公司（…"], language: "en", typed: typed).isEmpty)
        #expect(LanguagePurity.slips(in: ["表计 electricity meter A"], language: "zh", typed: typed).isEmpty)
        #expect(LanguagePurity.slips(in: ["燃料燃烧 719,484"], language: "en", typed: typed).count == 1)
    }
}

/// The bundled tables' citations in both languages: every source, document and note a page can
/// show has a Chinese rendering without English words and an English one without Chinese.
@Suite("Citations in both languages")
struct ReferenceTextsTests {
    @Test("each citation of factors.csv and carbon-efficiency.csv, and the climate report's frameworks, is held in both languages")
    func everyCitationInBothLanguages() throws {
        var texts: [String] = []
        for (csv, columns) in [
            (ReferenceData.factorsCSV, ["source", "document", "notes"]),
            (ReferenceData.carbonEfficiencyCSV, ["source", "note"]),
        ] {
            let table = try CSVTable(parsing: csv)
            let header = table.records[0]
            for record in table.records.dropFirst() where record.count == header.count {
                for column in columns {
                    let text = record[header.firstIndex(of: column)!]
                    if !text.isEmpty { texts.append(text) }
                }
            }
        }
        let basis = ClimateDisclosure.Basis(unitCode: "U", unitName: "U", year: 2024)
        texts += basis.frameworks + basis.indexedTo + [CarbonEfficiencyScale.bundled.source, "fraction"]
        #expect(texts.count > 800)
        for text in Set(texts) {
            #expect(ReferenceTexts.bundled.holds(text), "not in reference-texts.csv: \(text)")
            let chinese = ReferenceTexts.bundled.shown(text, .zh)
            let english = ReferenceTexts.bundled.shown(text, .en)
            #expect(LanguagePurity.englishWord(in: chinese) == nil, "English in \(chinese)")
            #expect(LanguagePurity.chineseCharacter(in: english) == nil, "Chinese in \(english)")
        }
        // A user's own set's words stay as typed.
        #expect(ReferenceTexts.bundled.shown("供应商声明 2024", .en) == "供应商声明 2024")
    }
}
