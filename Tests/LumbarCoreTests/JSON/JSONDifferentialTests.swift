import Foundation
import LumbarCore
import PropertyBased
import Testing

/// `JSONParser` and Foundation's `JSONSerialization` agree on what is JSON, over generated documents both well formed
/// and broken. Where the two are allowed to differ, the rule is stated and checked here rather than the case skipped.
@Suite struct JSONDifferentialTests {
    @Test func wellFormedDocumentsReadTheSame() async {
        await propertyCheck(count: 1_500, input: Gen.int(in: 0...Int.max)) { seed in
            var sampler = JSONSampler(seed: seed)
            Self.agree(sampler.document())
        }
    }

    /// Found by the property below: a NUL byte after or before a document, which Foundation on Linux reads past.
    @Test func aNulOutsideAStringIsNotJSON() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("0\u{0}".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("\u{0}0".utf8)) }
    }

    @Test func brokenDocumentsAreRefusedTheSame() async {
        await propertyCheck(count: 4_000, input: Gen.int(in: 0...Int.max)) { seed in
            var sampler = JSONSampler(seed: seed)
            let document = sampler.document()
            Self.agree(sampler.broken(document))
        }
    }

    /// The comparison, with the differences RFC 8259 leaves open decided as follows:
    /// - Any value may stand at the top (RFC 8259 §2), so Foundation is asked with `.fragmentsAllowed`.
    /// - A key twice in one object (the RFC says names SHOULD be unique) we refuse, naming it; Foundation keeps one.
    ///   Such a text is then judged again with the repeat renamed, so what follows it is still compared.
    /// - A comma before a closing `]` or `}` (RFC 8259 has none) we refuse, naming it; Foundation on Linux accepts it
    ///   (the leniency that let such a booking through). The text is then judged again without that comma.
    /// - U+FEFF inside a string we keep; Foundation sometimes drops it (see `same`).
    /// - A leading byte order mark (the RFC lets a parser ignore it or refuse it) we refuse; Foundation skips it.
    ///   The text is then judged again without it.
    /// - A NUL byte outside a string we refuse; Foundation on Linux reads past one before a document and stops at one
    ///   after it, as at the end of a C string. Such a text is not compared further.
    /// - A number too large for a Double (the RFC lets a parser limit range) we refuse; Foundation may give infinity.
    /// - Texts nested deeper than `maxDepth` we refuse; the generated ones never come near it (tested apart below).
    static func agree(_ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        var text = text
        while true {
            let theirs = try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])
            let ours: JSONValue
            do {
                ours = try JSONValue.parse(text)
            } catch {
                if error.repeatedField != nil {
                    text.insert(contentsOf: Array("~\(text.count)~".utf8), at: error.offset + 1)
                    continue
                }
                if error.reason.hasPrefix("a comma before"), let comma = text[..<error.offset].lastIndex(where: { !Self.space.contains($0) }) {
                    text.remove(at: comma)
                    continue
                }
                if text.starts(with: [0xEF, 0xBB, 0xBF]) {
                    text.removeFirst(3)
                    continue
                }
                if error.offset < text.count, text[error.offset] == 0 { return }
                if error.reason == "number out of range" { return }
                #expect(theirs == nil, "we refused (\(error)) what Foundation read: \(Self.show(text))", sourceLocation: sourceLocation)
                return
            }
            guard let theirs else {
                Issue.record("we read what Foundation refused: \(Self.show(text))", sourceLocation: sourceLocation)
                return
            }
            #expect(same(ours, theirs), "read differently: \(Self.show(text))", sourceLocation: sourceLocation)
            return
        }
    }

    static let space: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09]

    static func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .null: return theirs is NSNull
        case .bool(let flag): return (theirs as? Bool) == flag
        case .number(let number):
            guard let other = (theirs as? NSNumber)?.doubleValue else { return false }
            return number == other || abs(number - other) <= abs(number) * 1e-15
        // Foundation on Linux sometimes drops U+FEFF (a byte order mark) inside a string, depending on where it stands;
        // RFC 8259 lets a string hold any character, and we keep it. So Foundation's string is ours, or ours without it.
        case .string(let string):
            guard let other = theirs as? String else { return false }
            return other == string || other == String(string.unicodeScalars.filter { $0 != "\u{FEFF}" })
        case .array(let items):
            guard let others = theirs as? [Any], others.count == items.count else { return false }
            return zip(items, others).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let others = theirs as? [String: Any], others.count == members.count else { return false }
            let withoutMark = { (key: String) in String(key.unicodeScalars.filter { $0 != "\u{FEFF}" }) }
            return members.allSatisfy { member in
                (others[member.key] ?? others[withoutMark(member.key)]).map { same(member.value, $0) } ?? false
            }
        }
    }

    static func show(_ text: [UInt8]) -> String { text.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "<\(String($0, radix: 16))>" }.joined() }

    @Test func theRulesAboveHoldOnTheirOwn() throws {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a":1,"a":2}"#) }
        #expect(try JSONSerialization.jsonObject(with: Data(#"{"a":1,"a":2}"#.utf8)) is [String: Any], "Foundation keeps one of a repeated key")
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("1".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("1e999") }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        #expect((try? JSONSerialization.jsonObject(with: Data(deep.utf8))) != nil, "Foundation reads what we find too deep")
    }
}
