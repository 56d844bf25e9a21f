import Mustache

/// How every template escapes `{{value}}`: the five characters swift-mustache's HTML type escapes (`<`, `>`, `&`, `"`,
/// `'`), found byte by byte. swift-mustache's own walks grapheme clusters with a dictionary lookup for each, which was a
/// twelfth of a chart page's time, and leaves a quote joined to a combining mark (`"` + U+0301, one cluster) as it is:
/// inside an attribute that quote would end it. Templates choose it with `{{% CONTENT_TYPE: LUMBAR_HTML}}`.
struct HTMLEscaping: MustacheContentType {
    static let name = "LUMBAR_HTML"

    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: Self.needsEscape) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
