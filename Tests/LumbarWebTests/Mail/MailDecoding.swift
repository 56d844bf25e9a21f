import Foundation

/// An independent reader for what `MIMEWriter` writes, for checking it: splits header from body, unfolds header
/// lines, decodes RFC 2047 encoded words (Q and B) and quoted-printable. Deliberately simple and separate from the
/// writer's own code, so the tests do not check the encoder against itself.
enum MailDecoding {
    /// Header fields (name, unfolded raw value) and the body, split at the first empty line.
    static func split(_ message: String) -> (headers: [(name: String, value: String)], body: String) {
        let parts = message.components(separatedBy: "\r\n\r\n")
        var headers: [(name: String, value: String)] = []
        for line in parts[0].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !headers.isEmpty {
                headers[headers.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static func header(_ name: String, in message: String) -> String? {
        split(message).headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// An unstructured value: encoded words decoded, the whitespace between two of them dropped (RFC 2047 §6.2).
    static func text(_ raw: String) -> String {
        var value = Substring(raw)
        if value.first == " " { value = value.dropFirst() }
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var index = value.startIndex
        while index < value.endIndex {
            if value[index...].hasPrefix("=?"), let word = encodedWord(value[index...]) {
                if !lastWasEncoded { out += pendingSpace }
                pendingSpace = ""
                out += word.text
                lastWasEncoded = true
                index = word.end
            } else if value[index] == " " || value[index] == "\t" {
                pendingSpace.append(value[index])
                index = value.index(after: index)
            } else {
                out += pendingSpace
                pendingSpace = ""
                out.append(value[index])
                lastWasEncoded = false
                index = value.index(after: index)
            }
        }
        return out + pendingSpace
    }

    /// `Name <address>`: the name (from atoms, a quoted string, or encoded words) and the address.
    static func address(_ raw: String) -> (name: String, address: String) {
        guard let open = raw.lastIndex(of: "<") else { return ("", raw.trimmingCharacters(in: .whitespaces)) }
        let address = String(raw[raw.index(after: open)...].dropLast())
        var name = String(raw[..<open]).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\"") {
            var unquoted = ""
            var escaped = false
            for character in name.dropFirst().dropLast() {
                if escaped || character != "\\" { unquoted.append(character); escaped = false } else { escaped = true }
            }
            name = unquoted
        } else {
            name = text(name)
        }
        return (name, address)
    }

    /// Every `=?charset?enc?text?=` token in a header.
    static func encodedWords(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter { $0.hasPrefix("=?") && $0.hasSuffix("?=") }
    }

    /// Decodes one encoded word at the start of `text`; nil if it is not one or its bytes are not whole UTF-8.
    static func encodedWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
        let fields = text.dropFirst(2).split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].lowercased() == "utf-8", let end = fields[2].range(of: "?=") else { return nil }
        let payload = fields[2][..<end.lowerBound]
        let bytes: [UInt8]?
        switch fields[1].lowercased() {
        case "q": bytes = quotedPrintableBytes(payload.replacingOccurrences(of: "_", with: " "))
        case "b": bytes = Data(base64Encoded: String(payload)).map { Array($0) }
        default: bytes = nil
        }
        guard let bytes, let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        return (decoded, end.upperBound)
    }

    /// Quoted-printable to text: soft breaks removed, `=XX` decoded, CRLF kept.
    static func quotedPrintable(_ text: String) -> String? {
        quotedPrintableBytes(text.replacingOccurrences(of: "=\r\n", with: "")).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private static func quotedPrintableBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "=") {
                guard input.count >= 2, let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}
