/// The Content-Disposition header for a served file (RFC 6266): a plain-ASCII `filename` for old clients and the
/// exact name as UTF-8 in `filename*` (RFC 8187), so no character of a stored name can end or bend the header.
enum ContentDisposition {
    static func header(inline: Bool, fileName: String) -> String {
        "\(inline ? "inline" : "attachment"); filename=\"\(asciiFallback(fileName))\"; filename*=UTF-8''\(encoded(fileName))"
    }

    /// Printable ASCII, with quote, backslash, percent and anything else replaced by "_".
    static func asciiFallback(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != "%" ? scalar : "_"
        }))
    }

    /// RFC 8187 `value-chars`: attr-char as it is, every other byte of the UTF-8 as %XX.
    static func encoded(_ name: String) -> String {
        let kept = Set("!#$&+-.^_`|~".utf8)
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in name.utf8 {
            if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || kept.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
