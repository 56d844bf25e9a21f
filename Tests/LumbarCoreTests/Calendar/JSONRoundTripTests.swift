import LumbarCore
import PropertyBased
import Testing

/// The writer's fast escaping and the strict parser agree on every string.
@Suite struct JSONRoundTripTests {
    /// Mostly ASCII and Latin, with control characters, quotes, backslashes and emoji mixed in.
    static let text = Gen.int(in: 0...0x2FF).map { value -> Character in
        value > 0x280 ? ["\"", "\\", "a", "é", "🙂", "\n"][value % 6] : Character(Unicode.Scalar(UInt32(value))!)
    }.array(of: 0...60).map { String($0) }

    @Test func stringsSurviveAWriteAndParse() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            var writer = JSONWriter()
            writer.value(text)
            #expect((try? JSONValue.parse(writer.bytes)) == .string(text))
        }
    }
}
