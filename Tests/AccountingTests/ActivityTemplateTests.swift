import Accounting
import Testing

/// Reading the activity data template v1, and every class of bad input, each asserted with the
/// row as a spreadsheet shows it (the header is row 1), the column, and the message in both languages.
@Suite("Activity template v1")
struct ActivityTemplateTests {
    static let header = "unit,region,period,item,quantity,uom,category,ncv,carbon_content,oxidation_rate\n"

    func parse(_ text: String, language: Language = .en) throws(InputIssues) -> ActivityTemplate.Parsed {
        try ActivityTemplate().parse(text, file: "data.csv", language: language)
    }

    /// The single issue of a one-bad-row file.
    func onlyIssue(_ row: String, language: Language = .en) throws -> InputIssue {
        let parsed = try parse(Self.header + row + "\n", language: language)
        #expect(parsed.records.isEmpty)
        #expect(parsed.issues.count == 1, "\(parsed.issues.map { $0.message(in: .en) })")
        return try #require(parsed.issues.first)
    }

    @Test("reads English and Chinese headers, BOM, CRLF and quoted fields")
    func parse_readsWhatSpreadsheetsWrite() throws {
        let text = "\u{FEFF}单位,行政区划代码,期间,品种,数量,计量单位\r\n\"Plant, No. 1\",510104,2024-03,柴油,\"1,250.5\",吨\r\n"
        let parsed = try parse(text)
        #expect(parsed.issues.isEmpty)
        let record = try #require(parsed.records.first)
        #expect(record.unitCode == "Plant, No. 1")
        #expect(record.quantity == .mass(Mass(1250.5, .tonne)))
        #expect(record.item.code == "diesel")
        #expect(record.sourceRow == 2)
        #expect(record.category == .fuelCombustion)
    }

    @Test("a quoted field spanning lines is one spreadsheet row, so later rows keep their numbers")
    func parse_rowNumbersCountRecordsNotLines() throws {
        let text = Self.header + "\"A\nsecond line\",510104,2024,柴油,1,t,,,,\nB,510104,2024,柴由,1,t,,,,\n"
        let issue = try #require(try parse(text).issues.first)
        #expect(issue.row == 3)
    }

    @Test("measured parameters: NCV per base unit, carbon content, and oxidation rate as fraction or percent")
    func parse_readsMeasuredParameters() throws {
        let parsed = try parse(
            Self.header + "A,510104,2024-01,天然气,10,万Nm3,,380.5,0.0153,99%\nA,510104,2024-01,烟煤,5,t,,21,0.026,0.93\n")
        #expect(parsed.issues.isEmpty)
        #expect(
            parsed.records[0].measured.netCalorificValue
                == .perVolume(Rate(380.5, .gigajoule, per: .tenThousandNormalCubicMetres)))
        #expect(parsed.records[0].measured.oxidationRate == Fraction(0.99))
        #expect(parsed.records[1].measured.oxidationRate == Fraction(0.93))
        #expect(parsed.records[1].measured.carbonContent == CarbonContent(0.026, .tonneCarbon, per: .gigajoule))
    }

    // File-level problems: thrown, nothing read.

    @Test("an empty file")
    func file_empty() {
        for text in ["", "\n\n", "\u{FEFF}"] {
            #expect(throws: InputIssues([InputIssue(file: "data.csv", problem: .emptyFile)])) { try parse(text) }
        }
    }

    @Test("a header without rows")
    func file_headerOnly() {
        #expect(throws: InputIssues([InputIssue(file: "data.csv", problem: .noDataRows)])) { try parse(Self.header) }
    }

    @Test("missing required columns, one message each")
    func file_missingColumns() throws {
        do throws(InputIssues) {
            _ = try parse("unit,period,item\nA,2024,柴油\n")
            Issue.record("expected missing columns")
        } catch {
            #expect(
                error.issues.map(\.problem) == [
                    .missingColumn(field: "region", accepted: ["region", "行政区划代码", "区划代码"]),
                    .missingColumn(field: "quantity", accepted: ["quantity", "数量", "消费量"]),
                    .missingColumn(field: "uom", accepted: ["uom", "计量单位", "unit_of_measure"]),
                ])
            #expect(error.issues[0].row == 1)
            #expect(error.issues[0].message(in: .zh) == "data.csv：第 1 行：缺少必填列“region”（可用表头：region、行政区划代码、区划代码）")
        }
    }

    @Test("a field named twice (数量 and quantity)")
    func file_duplicateHeader() throws {
        do throws(InputIssues) {
            _ = try parse("unit,region,period,item,数量,uom,quantity\nA,510104,2024,柴油,1,t,2\n")
            Issue.record("expected a duplicate header")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.row == 1 && issue.column == "quantity" && issue.columnLetter == "G")
            #expect(
                issue.message(in: .en)
                    == "data.csv: row 1, column G \"quantity\": header \"quantity\" repeats the field of column E")
        }
    }

    @Test("an unterminated quote names the row where it opened")
    func file_unterminatedQuote() {
        #expect(throws: InputIssues([InputIssue(file: "data.csv", row: 3, problem: .unterminatedQuote)])) {
            try parse(Self.header + "A,510104,2024,柴油,1,t,,,,\n\"B,510104,2024,柴油,1,t,,,,\n")
        }
    }

    // Row problems: each names row, column and what is wrong.

    @Test("unknown item, with the nearest known names")
    func row_unknownItem() throws {
        let issue = try onlyIssue("A,510104,2024,柴由,1,t,,,,")
        #expect(issue.row == 2 && issue.column == "item" && issue.columnLetter == "D")
        #expect(
            issue.message(in: .en)
                == "data.csv: row 2, column D \"item\": unknown item \"柴由\"; did you mean: 柴油 (diesel)?")
        #expect(issue.message(in: .zh) == "data.csv：第 2 行，D 列“item”：未知品种“柴由”，是否是：柴油 (diesel)？")
        let english = try onlyIssue("A,510104,2024,disel,1,t,,,,")
        #expect(english.problem == .unknownItem("disel", suggestions: ["柴油 (diesel)"]))
    }

    @Test("unknown unit of measure")
    func row_unknownUnit() throws {
        let issue = try onlyIssue("A,510104,2024,柴油,1,桶,,,,")
        #expect(issue.row == 2 && issue.columnLetter == "F" && issue.problem == .unknownUnit("桶"))
        #expect(issue.message(in: .zh).hasPrefix("data.csv：第 2 行，F 列“uom”：无法识别的计量单位“桶”"))
    }

    @Test("a unit that does not fit the item: diesel in kWh, electricity in tonnes")
    func row_mismatchedUnit() throws {
        let diesel = try onlyIssue("A,510104,2024,柴油,1,kWh,,,,")
        #expect(diesel.message(in: .en).contains("unit \"kWh\" does not fit \"柴油\""))
        let power = try onlyIssue("A,510104,2024,电力,1,吨,,,,")
        #expect(power.columnLetter == "F")
        #expect(power.message(in: .zh).contains("计量单位“吨”不适用于“电力”"))
        let gas = try onlyIssue("A,510104,2024,天然气,1,t,,,,")
        #expect(gas.message(in: .en).contains("does not fit \"天然气\""))
    }

    @Test("negative and non-numeric quantities")
    func row_badQuantity() throws {
        let negative = try onlyIssue("A,510104,2024,柴油,-3,t,,,,")
        #expect(negative.columnLetter == "E" && negative.problem == .negativeQuantity("-3"))
        #expect(negative.message(in: .zh) == "data.csv：第 2 行，E 列“quantity”：数量不能为负数：-3")
        let text = try onlyIssue("A,510104,2024,柴油,十吨,t,,,,")
        #expect(text.problem == .notANumber("十吨"))
        let nan = try onlyIssue("A,510104,2024,柴油,nan,t,,,,")
        #expect(nan.problem == .notANumber("nan"))
    }

    @Test("bad periods", arguments: ["2024-13", "24-01", "2024-1-1", "March", "2024Q1"])
    func row_badPeriod(_ period: String) throws {
        let issue = try onlyIssue("A,510104,\(period),柴油,1,t,,,,")
        #expect(issue.columnLetter == "C" && issue.problem == .badPeriod(period))
    }

    @Test("good periods", arguments: ["2024", "2024-03", "2024-3", "2024/03", "2024年3月"])
    func row_goodPeriod(_ period: String) throws {
        #expect(try parse(Self.header + "A,510104,\(period),柴油,1,t,,,,\n").issues.isEmpty)
    }

    @Test("bad region codes", arguments: ["5101", "51010a", "990100", "5101041", "四川"])
    func row_badRegion(_ region: String) throws {
        let issue = try onlyIssue("A,\(region),2024,柴油,1,t,,,,")
        #expect(issue.columnLetter == "B" && issue.problem == .badRegion(region))
    }

    @Test("an empty required field")
    func row_missingValue() throws {
        let issue = try onlyIssue("A,510104,2024,柴油,,t,,,,")
        #expect(issue.columnLetter == "E" && issue.problem == .missingValue)
        #expect(issue.message(in: .en) == "data.csv: row 2, column E \"quantity\": required, must not be empty")
    }

    @Test("a category that does not fit the item, and an unknown one")
    func row_badCategory() throws {
        let mismatch = try onlyIssue("A,510104,2024,柴油,1,t,绿电,,,")
        #expect(mismatch.columnLetter == "G")
        #expect(mismatch.message(in: .zh).contains("类别“绿电”不适用于“柴油”"))
        let unknown = try onlyIssue("A,510104,2024,柴油,1,t,燃烧排放x,,,")
        #expect(unknown.problem == .unknownCategory("燃烧排放x"))
    }

    @Test("bad measured parameters")
    func row_badMeasuredParameters() throws {
        let rate = try onlyIssue("A,510104,2024,烟煤,1,t,,,,130%")
        #expect(rate.columnLetter == "J" && rate.problem == .oxidationRateOutOfRange("130%"))
        let ncv = try onlyIssue("A,510104,2024,烟煤,1,t,,0,,")
        #expect(ncv.columnLetter == "H" && ncv.problem == .parameterNotPositive("0"))
        let notFuel = try onlyIssue("A,510104,2024,电力,1,kWh,,,0.02,")
        #expect(notFuel.columnLetter == "I" && notFuel.problem == .measuredNotApplicable(item: "电力"))
    }

    @Test("a row with more filled fields than the header")
    func row_tooManyFields() throws {
        let issue = try onlyIssue("A,510104,2024,柴油,1,t,,,,,surplus")
        #expect(issue.problem == .tooManyFields(count: 11, expected: 10))
        #expect(try parse(Self.header + "A,510104,2024,柴油,1,t,,,,,,\n").issues.isEmpty)
    }

    @Test("every problem of every row is reported, not only the first")
    func rows_allProblemsReported() throws {
        let parsed = try parse(Self.header + "A,5101,2024-13,柴由,-1,桶,,,,\nB,510104,2024,柴油,1,t,,,,\n")
        #expect(parsed.issues.map(\.columnLetter) == ["B", "C", "D", "F", "E"])
        #expect(parsed.records.count == 1)
    }
}
