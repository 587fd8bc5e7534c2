import Testing

@testable import Accounting

@Suite("Messages of problems in a file")
struct IssueMessageTests {
    @Test("every message is in both languages, with the same placeholders")
    func complete() {
        #expect(IssueMessage.catalogue.gaps == [])
    }

    @Test("an item or category sent as its code is named in the reader's language; one typed by a user stays as typed")
    func namedItems() {
        let sent = Problem.unitNotForItem(unit: "t", item: "electricity", accepted: ["kWh", "MWh"])
        #expect(sent.text(in: .zh).contains("电力") && !sent.text(in: .zh).contains("electricity"))
        #expect(sent.text(in: .en).contains("Electricity") || sent.text(in: .en).contains("electricity"))
        let category = Problem.categoryNotForItem(category: "fugitive", item: "diesel", allowed: ["燃料燃烧"])
        #expect(category.text(in: .zh).contains("逸散排放") && category.text(in: .zh).contains("柴油"))
        #expect(Problem.measuredNotApplicable(item: "某种自定义燃料").text(in: .en).contains("某种自定义燃料"))
    }

    @Test("a message names the place as the spreadsheet shows it, then the problem")
    func placed() {
        let issue = InputIssue(
            file: "台账.xlsx", sheet: "数据", row: 7, column: "quantity", problem: .notANumber("十二"))
        var lettered = issue
        lettered.columnLetter = "D"
        #expect(issue.message(in: .zh) == "台账.xlsx：工作表“数据”：第 7 行，列“quantity”：不是数字：“十二”")
        #expect(lettered.message(in: .en) == "台账.xlsx: sheet \"数据\": row 7, column D \"quantity\": not a number: \"十二\"")
        #expect(InputIssue(problem: .emptyFile).message(in: .en) == "the file is empty")
    }

    @Test("an argument's own braces are kept as written, not read as a placeholder")
    func bracesInArguments() {
        let problem = Problem.unknownUnitCode("{code}")
        #expect(problem.text(in: .en) == "no unit has the code \"{code}\"")
        #expect(Catalogue<IssueMessage>.fill("a {x} b {y}", ["x": "{y}"]) == "a {y} b {y}")
    }

    @Test("lists are written as each language writes them")
    func lists() {
        let problem = Problem.notOneOf("x", allowed: ["a", "b"])
        #expect(problem.text(in: .zh) == "“x”无效（可用：a、b）")
        #expect(problem.text(in: .en) == "\"x\" is not valid (use one of: a, b)")
    }
}

@Suite("Message catalogues of the accounting rules")
struct AccountingCataloguesTests {
    @Test("lineage notes and review refusals are in both languages, with the same placeholders")
    func complete() {
        #expect(LineageNoteMessage.catalogue.gaps == [])
        #expect(ReviewRefusal.catalogue.gaps == [])
    }

    @Test("a note and a refusal read as before the catalogues")
    func texts() {
        #expect(
            LineageNote.previousYearCoalRate(activityYear: 2024).text(in: .zh) == "等价值按上年（2023）供电标准煤耗计算")
        #expect(
            ReviewRefusal.wrongState(.approved, step: .submit).message(.en)
                == "the period is approved; it cannot be submitted")
        #expect(ReviewRefusal.wrongState(.approved, step: .submit).message(.zh) == "该期间当前为“已通过”，不能报送")
    }
}
