import Foundation

/// Quoted-printable (RFC 2045 §6.7) for message parts that are not plain ASCII: lines of at most 76 characters,
/// CRLF line breaks, and no trailing space or tab that a mail relay could strip.
enum QuotedPrintable {
    /// `text` with its line breaks (any style) as CRLF.
    static func normalizedLines(_ text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Whether `text` can go as it is (7bit): ASCII without control characters, and no line longer than 76.
    static func isPlain(_ text: String) -> Bool {
        normalizedLines(text).allSatisfy { line in
            line.utf8.count <= 76 && line.utf8.allSatisfy { (32...126).contains($0) || $0 == 9 } && line.last != " " && line.last != "\t"
        }
    }

    static func encode(_ text: String) -> String {
        normalizedLines(text).map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let token: String
            if (33...126).contains(byte) && byte != UInt8(ascii: "=") || (byte == 32 || byte == 9) && !last {
                token = String(UnicodeScalar(byte))
            } else {
                token = "=" + hex(byte)
            }
            // A soft break ("=" at the end) keeps every line within 76 characters.
            if current.utf8.count + token.utf8.count > 75 {
                lines.append(current + "=")
                current = ""
            }
            current += token
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
