import Accounting
import Mustache
import Testing

@testable import PeakZeroServer

@Suite("Page models made ready for the templates")
struct TemplateValuesTests {
    struct Row { let name: String; let value: Int?; let period: Period }
    struct Page { let rows: [Row]; let title: String; let note: String? }

    @Test("structs become dictionaries of their fields; nil fields are absent; self-describing values stay")
    func prepared() throws {
        let page = Page(
            rows: [Row(name: "a", value: nil, period: Period(parsing: "2024-03")!)], title: "t", note: nil)
        let fields = try #require(TemplateValues.prepared(page) as? [String: Any])
        #expect(fields["title"] as? String == "t")
        #expect(fields["note"] == nil)
        let rows = try #require(fields["rows"] as? [Any])
        let row = try #require(rows.first as? [String: Any])
        #expect(row["name"] as? String == "a" && row["value"] == nil)
        #expect((row["period"] as? Period)?.description == "2024-03")
    }

    @Test("a page renders the same from the model and from its prepared form")
    func sameRendering() throws {
        let renderer = try PageRenderer.load()
        let page = Page(
            rows: [Row(name: "<b>", value: 3, period: Period(parsing: "2024")!)], title: "t", note: nil)
        let template = "{{title}}{{#rows}}[{{name}} {{value}} {{period}}]{{/rows}}{{^note}}none{{/note}}"
        var library = renderer.library
        try library.register(template, named: "test-template-values")
        #expect(library.render(page, withTemplate: "test-template-values")
            == library.render(TemplateValues.prepared(page)!, withTemplate: "test-template-values"))
        #expect(library.render(TemplateValues.prepared(page)!, withTemplate: "test-template-values")
            == "t[&lt;b&gt; 3 2024]none")
    }
}
