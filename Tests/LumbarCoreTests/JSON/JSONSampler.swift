/// Random JSON texts from one seed: well formed ones written with varied spacing, escapes and number forms (keys
/// sometimes repeated), and broken copies made by one small edit of the kind hostile or careless senders make.
struct JSONSampler {
    private var state: UInt64

    init(seed: Int) { state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: small, and the same sequence for the same seed on every machine.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A well formed document.
    mutating func document() -> [UInt8] {
        var out: [UInt8] = []
        space(&out)
        value(&out, depth: 0)
        space(&out)
        return out
    }

    /// A copy of `document` with one edit; it may or may not still be JSON, which is what the property decides.
    mutating func broken(_ document: [UInt8]) -> [UInt8] {
        var bytes = document
        let at = bytes.isEmpty ? 0 : below(bytes.count + 1)
        switch below(7) {
        case 0 where !bytes.isEmpty: bytes.remove(at: min(at, bytes.count - 1))
        case 1: bytes.insert(pick(Self.noise), at: at)
        case 2 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = pick(Self.noise)
        case 3: bytes = Array(bytes.prefix(at))
        case 4:
            // A trailing comma before the last closing bracket, the mistake Foundation's decoder let through.
            if let close = bytes.lastIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }) { bytes.insert(UInt8(ascii: ","), at: close) }
        case 5: bytes.insert(contentsOf: pick(Self.fragments), at: at)
        default: bytes += pick(Self.fragments)
        }
        return bytes
    }

    /// Single bytes that break or bend JSON: structure, quotes, escapes, number parts, invalid UTF-8, controls.
    static let noise: [UInt8] = Array(",:{}[]\"\\ 0-+.eE/*'tnx".utf8) + [0xFF, 0xC3, 0xE2, 0x80, 0x00, 0x1F, 0x7F, 0x0B, 0x0C]
    static let fragments: [[UInt8]] = [
        Array("//c\n".utf8), Array("/*c*/".utf8), Array(",".utf8), Array("01".utf8), Array("NaN".utf8), Array("Infinity".utf8),
        Array("\"\\x\"".utf8), Array("\"\\ud800\"".utf8), Array("\"\\udc00\\ud800\"".utf8), Array("1e999".utf8), Array("[1,]".utf8),
        Array("{\"a\":1,\"a\":2}".utf8), [0xEF, 0xBB, 0xBF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], Array("\u{00A0}".utf8), Array("True".utf8),
    ]

    private mutating func space(_ out: inout [UInt8]) {
        for _ in 0..<below(3) { out.append(pick([0x20, 0x0A, 0x0D, 0x09])) }
    }

    private mutating func value(_ out: inout [UInt8], depth: Int) {
        switch below(depth > 3 ? 5 : 7) {
        case 0: out += pick(["true", "false", "null"]).utf8
        case 1, 2: number(&out)
        case 3, 4: string(&out)
        case 5:
            out.append(UInt8(ascii: "["))
            for index in 0..<below(5) {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                space(&out); value(&out, depth: depth + 1); space(&out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            out.append(UInt8(ascii: "{"))
            var keys: [[UInt8]] = []
            for index in 0..<below(6) {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                space(&out)
                // Now and then a key already used, so repeated keys are part of what is compared.
                if !keys.isEmpty, below(12) == 0 { out += keys[below(keys.count)] } else {
                    var key: [UInt8] = []
                    string(&key)
                    keys.append(key)
                    out += key
                }
                space(&out); out.append(UInt8(ascii: ":")); space(&out)
                value(&out, depth: depth + 1)
                space(&out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func number(_ out: inout [UInt8]) {
        var text = below(3) == 0 ? "-" : ""
        text += below(4) == 0 ? "0" : String(1 + below(999_999))
        if below(3) == 0 { text += "." + String(below(10_000)) }
        if below(4) == 0 { text += pick(["e", "E"]) + pick(["", "+", "-"]) + String(below(30)) }
        out += text.utf8
    }

    private mutating func string(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for _ in 0..<below(8) {
            switch below(10) {
            case 0: out += pick(["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"]).utf8
            case 1: out += pick(["\\u00e9", "\\u0041", "\\u2028", "\\ud83d\\ude42", "\\u0000", "\\uFFFF"]).utf8
            case 2: out += pick(["é", "日本", "🙂", "e\u{301}", "\u{212A}"]).utf8
            default: out.append(UInt8(ascii: "a") + UInt8(below(26)))
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
