import Foundation

/// A small check of rendered HTML's nesting, the part the W3C validator flagged: no block (flow-only) element such as
/// a `<form>` or `<div>` inside an element that may hold only phrasing content (`<span>`, `<p>`, `<label>`, …), and
/// every closing tag closing the element open at that point.
enum HTMLNesting {
    /// Elements whose content model is phrasing content only.
    static let phrasingOnly: Set<String> = ["span", "p", "label", "button", "strong", "em", "b", "i", "small", "code", "abbr", "time", "q", "s",
                                            "sub", "sup", "u", "mark", "cite", "dfn", "kbd", "samp", "var", "bdi", "bdo", "data", "output",
                                            "h1", "h2", "h3", "h4", "h5", "h6", "legend", "summary", "pre", "dt"]
    /// Elements that are flow content but not phrasing content.
    static let flowOnly: Set<String> = ["form", "div", "p", "ul", "ol", "dl", "table", "section", "article", "aside", "nav", "header", "footer",
                                        "main", "fieldset", "figure", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "details"]
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Each problem found, e.g. "<form> inside <span>"; empty when the nesting is sound.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var open: [String] = []
        // Comments, and the text of scripts and styles, hold no elements.
        let text = html.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<(script|style)\\b[^>]*>[\\s\\S]*?</\\1>", with: "", options: [.regularExpression, .caseInsensitive])
        let tag = try! NSRegularExpression(pattern: "<(/?)([a-zA-Z][a-zA-Z0-9-]*)\\b[^>]*?(/?)>")
        for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let closing = !(Range(match.range(at: 1), in: text).map { text[$0].isEmpty } ?? true)
            let name = Range(match.range(at: 2), in: text).map { text[$0].lowercased() } ?? ""
            if name == "svg" || open.contains("svg") {
                // SVG's own elements follow XML rules; only keep the stack balanced.
                if closing, let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
                else if !closing, !(Range(match.range(at: 3), in: text).map { !text[$0].isEmpty } ?? false) { open.append(name) }
                continue
            }
            if closing {
                guard let index = open.lastIndex(of: name) else { problems.append("</\(name)> with no <\(name)> open"); continue }
                if index != open.count - 1 { problems.append("</\(name)> closes <\(name)> while <\(open[(index + 1)...].joined(separator: ">, <"))> is open") }
                open.removeSubrange(index...)
            } else {
                if flowOnly.contains(name), let parent = open.last(where: { phrasingOnly.contains($0) }) {
                    problems.append("<\(name)> inside <\(parent)>")
                }
                if !void.contains(name) { open.append(name) }
            }
        }
        return problems + open.filter { $0 != "html" && $0 != "body" && $0 != "head" }.map { "<\($0)> never closed" }
    }
}
