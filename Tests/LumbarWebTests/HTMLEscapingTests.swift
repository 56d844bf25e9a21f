import Mustache
import PropertyBased
import Testing
@testable import LumbarWeb

/// The templates' escaping gives swift-mustache's HTML escaping, byte for byte, and also escapes a quote or bracket
/// that a combining mark joins into one character, which swift-mustache's leaves alone.
@Suite struct HTMLEscapingTests {
    static func library() throws -> MustacheLibrary {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        try library.register("{{% CONTENT_TYPE: LUMBAR_HTML}}<p title=\"{{value}}\">{{value}}</p>", named: "ours")
        try library.register("<p title=\"{{value}}\">{{value}}</p>", named: "theirs")
        return library
    }

    static let characters: [Character] = ["<", ">", "&", "\"", "'", "a", "Z", "0", " ", "é", "ü", "✓", "€", "\n", "/", "=", "👍🏽"]
    static let text = Gen.element(of: characters).map { $0! }.array(of: 0...24).map { String($0) }

    @Test func agreesWithSwiftMustachesHTMLEscaping() async throws {
        let library = try Self.library()
        await propertyCheck(count: 500, input: Self.text) { text in
            let model = ["value": text]
            #expect(library.render(model, withTemplate: "ours") == library.render(model, withTemplate: "theirs"))
        }
    }

    @Test func aQuoteJoinedToACombiningMarkIsStillEscaped() throws {
        let library = try Self.library()
        let mark = "\u{301}"
        let bareQuote = "\"" + mark
        let attack = bareQuote + " onmouseover=alert(1) x=" + bareQuote
        let ours = try #require(library.render(["value": attack], withTemplate: "ours"))
        let escapedQuote = "&quot;" + mark + " onmouseover=alert(1)"
        #expect(!ours.contains(bareQuote), "no bare quote is left to end the attribute")
        #expect(ours.contains(escapedQuote))
        // What swift-mustache's own escaping does with it, which is why the templates do not use it.
        let theirs = try #require(library.render(["value": attack], withTemplate: "theirs"))
        #expect(theirs.contains(bareQuote + " onmouseover"))
    }

    @Test func textWithNothingToEscapeIsReturnedAsItIs() {
        #expect(HTMLEscaping().escapeText("Ada Lovelace, 416-555-0101 ✓") == "Ada Lovelace, 416-555-0101 ✓")
        #expect(HTMLEscaping().escapeText("<b>&'\"") == "&lt;b&gt;&amp;&#39;&quot;")
    }
}
