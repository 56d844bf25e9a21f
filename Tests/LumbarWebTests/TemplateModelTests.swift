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

    enum Tone { case calm, urgent }
    final class Box { let inside = "boxed" }
    struct Everything {
        let text: String; let number: Int; let ratio: Double; let on: Bool; let tone: Tone; let code: Code; let box: Box
        let maybe: String?; let none: Int?; let rows: [Row]; let nested: Row; let deep: [[Row]]; let tuple: (Int, String)
    }
    struct Holder { let anything: Any; let inner: Everything; let described: any CustomStringConvertible }

    /// The same tree the plain Mirror walk gives, keys sorted, so the two can be compared as text.
    static func describe(_ tree: Any?) -> String {
        switch tree {
        case nil: return "nil"
        case let dictionary as [String: Any]: return "{" + dictionary.keys.sorted().map { "\($0):\(describe(dictionary[$0]))" }.joined(separator: ",") + "}"
        case let array as [Any]: return "[" + array.map { describe($0) }.joined(separator: ",") + "]"
        case let value?: return "\(type(of: value))=\(value)"
        }
    }

    static func mirrorTree(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch TemplateModel.kind(of: value) {
        case .leaf: return value
        case .optional: return mirror.children.first.flatMap { mirrorTree($0.value) }
        case .collection: return mirror.children.compactMap { mirrorTree($0.value) }
        case .record:
            var children: [String: Any] = [:]
            for child in mirror.children { if let label = child.label, let present = mirrorTree(child.value) { children[label] = present } }
            return children
        }
    }

    /// Structs are read from their stored layout rather than through Mirror; the tree must be the same.
    @Test func structsReadFromTheirLayoutGiveWhatMirrorGives() throws {
        let row = Row(name: "r", note: "n", code: Code(raw: "c"))
        let values = [
            Everything(text: "<t>", number: -42, ratio: 2.5, on: true, tone: .urgent, code: Code(raw: "ab"), box: Box(), maybe: "m", none: nil,
                       rows: [row, Row(name: "s", note: nil, code: Code(raw: "d"))], nested: row, deep: [[row], []], tuple: (1, "one")),
            Everything(text: "", number: 0, ratio: 0, on: false, tone: .calm, code: Code(raw: ""), box: Box(), maybe: nil, none: 3,
                       rows: [], nested: Row(name: "", note: nil, code: Code(raw: "")), deep: [], tuple: (0, "")),
        ]
        let holders = [Holder(anything: 7, inner: values[0], described: 3), Holder(anything: row, inner: values[1], described: Code(raw: "q"))]
        for value in values as [Any] + holders as [Any] {
            #expect(Self.describe(TemplateModel.tree(value)) == Self.describe(Self.mirrorTree(value)))
        }
        let names = try #require(TemplateModel.fields(of: Everything.self)).map(\.name)
        #expect(names == Mirror(reflecting: values[0]).children.compactMap(\.label))
        // A struct holding an existential is walked with Mirror: read from its layout, the value would come back boxed twice.
        #expect(TemplateModel.fields(of: Holder.self) == nil)
    }
}
