import Foundation

/// One header field as it is written: text that is not plain ASCII as RFC 2047 encoded words (each at most 75
/// characters, never splitting a character), folded onto lines of at most 76 characters joined by CRLF and a space.
struct MailHeader {
    static let lineLimit = 76
    static let wordLimit = 75

    private var lines: [String]

    init(_ name: String) { lines = [name + ":"] }

    /// The field, without its final CRLF.
    var text: String { lines.joined(separator: "\r\n") }

    /// Characters left on the current line after the space a token goes behind.
    private var room: Int { Self.lineLimit - lines[lines.count - 1].count - 1 }

    /// Adds `token` after a space, on a new line if it would not fit (a token is never split).
    mutating func append(_ token: String) {
        if token.count > room && lines[lines.count - 1].contains(" ") {
            lines.append(" " + token)
        } else {
            lines[lines.count - 1] += " " + token
        }
    }

    /// An unstructured value (Subject): as it is when it is short plain ASCII words, otherwise encoded words.
    static func unstructured(_ name: String, _ value: String) -> String {
        var header = MailHeader(name)
        let text = singleLine(value)
        if isPlain(text) {
            for word in text.split(separator: " ") { header.append(String(word)) }
        } else {
            header.appendEncoded(text)
        }
        return header.text
    }

    /// An address with its name: atoms as they are, a quoted string if the name holds punctuation, encoded words if
    /// it is not ASCII.
    static func address(_ name: String, _ address: MailAddress) -> String {
        var header = MailHeader(name)
        let display = singleLine(address.name)
        let bare = singleLine(address.address)
        if display.isEmpty {
            header.append(bare)
            return header.text
        }
        let quoted = "\"" + display.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if isPlain(display) && display.unicodeScalars.allSatisfy({ $0 == " " || isAtom($0) }) {
            for word in display.split(separator: " ") { header.append(String(word)) }
        } else if isPlain(display) && quoted.count <= wordLimit - 10 {
            header.append(quoted)
        } else {
            header.appendEncoded(display)
        }
        header.append("<" + bare + ">")
        return header.text
    }

    /// Line breaks in a value become spaces: a header is one logical line, and a break must never start a new field.
    static func singleLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// Printable ASCII words separated by single spaces, none too long to fold, nothing that reads as an encoded word.
    static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { (32...126).contains($0.value) } && !text.contains("=?")
            && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  ")
            && text.split(separator: " ").allSatisfy { $0.count <= wordLimit - 10 }
    }

    /// RFC 5322 atext: what a name may hold without quotes.
    static func isAtom(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
    }

    private mutating func appendEncoded(_ text: String) {
        for word in Self.encodedWords(text, first: room) { append(word) }
    }

    /// `text` as encoded words, the first at most `first` characters and the rest at most 75, in whichever of Q
    /// (readable, for mostly Latin text) and B (base64, shorter for other scripts) comes out shorter.
    static func encodedWords(_ text: String, first: Int) -> [String] {
        let base64 = (text.utf8.count + 2) / 3 * 4 < text.unicodeScalars.reduce(0) { $0 + q($1).count }
        let prefix = base64 ? "=?UTF-8?B?" : "=?UTF-8?Q?"
        var words: [String] = []
        var bytes: [UInt8] = [], qText = ""
        func close() {
            words.append(prefix + (base64 ? Data(bytes).base64EncodedString() : qText) + "?=")
            bytes = []
            qText = ""
        }
        for scalar in text.unicodeScalars {
            let limit = (words.isEmpty ? min(first, wordLimit) : wordLimit) - prefix.count - 2
            let more = Array(String(scalar).utf8), encoded = q(scalar)
            let length = base64 ? (bytes.count + more.count + 2) / 3 * 4 : qText.count + encoded.count
            if length > limit && !bytes.isEmpty { close() }
            bytes += more
            qText += encoded
        }
        if !bytes.isEmpty { close() }
        return words
    }

    /// Q encoding limited to what RFC 2047 §5(3) allows in a name, so one encoder serves every header.
    private static func q(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "_"
        case "a"..."z", "A"..."Z", "0"..."9", "!", "*", "+", "-", "/": return String(scalar)
        default: return String(scalar).utf8.map { "=" + QuotedPrintable.hex($0) }.joined()
        }
    }
}
