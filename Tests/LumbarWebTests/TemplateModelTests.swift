@testable import LumbarWeb
import Mustache
import Testing

/// Page models are flattened to dictionaries before rendering; what a template shows must be what the model holds.
@Suite struct TemplateModelTests {
    struct Code: CustomStringConvertible { let raw: String; var description: String { raw.uppercased() } }
    struct Row { let name: String; let note: String?; let code: Code }
    struct Page { let title: String; let subtitle: String?; let rows: [Row]; let empty: [Row]; let count: Int; let flag: Bool?; let nested: Row? }

    static let template = """
        {{title}}|{{#subtitle}}sub:{{.}}{{/subtitle}}{{^subtitle}}no-sub{{/subtitle}}|\
        {{#rows}}[{{name}}:{{#note}}{{.}}{{/note}}{{^note}}-{{/note}}:{{code}}:{{title}}]{{/rows}}|\
        {{^empty}}none{{/empty}}|{{count}}|{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}|{{#nested}}{{name}}{{/nested}}
        """

    func render(_ page: Page) throws -> String {
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: Self.template)])
        let tree = try #require(TemplateModel.tree(page))
        return try #require(library.render(tree, withTemplate: "t"))
    }

    @Test func rendersValuesOptionalsCollectionsAndSelfDescribingValues() throws {
        let page = Page(title: "Chart <b>", subtitle: nil,
                        rows: [Row(name: "a", note: "n1", code: Code(raw: "x1")), Row(name: "b", note: nil, code: Code(raw: "y2"))],
                        empty: [], count: 3, flag: true, nested: Row(name: "inner", note: nil, code: Code(raw: "z")))
        // A nil optional is absent, so the row's {{title}} finds the page's: the renderer looks up the stack.
        #expect(try render(page) == "Chart &lt;b&gt;|no-sub|[a:n1:X1:Chart &lt;b&gt;][b:-:Y2:Chart &lt;b&gt;]|none|3|on|inner")
    }

    @Test func presentOptionalsAreUnwrappedAndNilOnesLeftOut() throws {
        let page = Page(title: "T", subtitle: "S", rows: [], empty: [], count: 0, flag: nil, nested: nil)
        #expect(try render(page) == "T|sub:S||none|0|off|")
        let tree = try #require(TemplateModel.tree(page) as? [String: Any])
        #expect(tree["subtitle"] as? String == "S")
        #expect(tree["flag"] == nil && tree["nested"] == nil)
        #expect(TemplateModel.tree(Optional<String>.none as Any) == nil && TemplateModel.tree(Optional("x") as Any) as? String == "x")
    }

    @Test func kindsAreWorkedOutPerType() {
        #expect(TemplateModel.kind(of: "text") == .leaf)
        #expect(TemplateModel.kind(of: Code(raw: "a")) == .leaf)
        #expect(TemplateModel.kind(of: Row(name: "a", note: nil, code: Code(raw: "a"))) == .record)
        #expect(TemplateModel.kind(of: [1, 2]) == .collection)
        #expect(TemplateModel.kind(of: Optional("a") as Any) == .optional)
    }
}
