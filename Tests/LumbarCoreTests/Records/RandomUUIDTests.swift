import Foundation
@testable import LumbarCore
import PropertyBased
import Testing

/// Record and request ids are RFC 4122 version 4 UUIDs, written as Foundation writes the same bits, in lower case.
@Suite struct RandomUUIDTests {
    static func bytes(_ word: UInt64) -> [UInt8] { withUnsafeBytes(of: word.bigEndian) { Array($0) } }

    /// Foundation reads back the same 128 bits, but for the version nibble (4) and the two variant bits (10).
    @Test func keepsEveryBitButVersionAndVariant() async {
        await propertyCheck(count: 500, input: Gen.int(in: Int.min...Int.max), Gen.int(in: Int.min...Int.max)) { high, low in
            let given = Self.bytes(UInt64(bitPattern: Int64(high))) + Self.bytes(UInt64(bitPattern: Int64(low)))
            let made = RandomUUID.make(high: UInt64(bitPattern: Int64(high)), low: UInt64(bitPattern: Int64(low)))
            guard let parsed = UUID(uuidString: made) else {
                Issue.record("not a UUID: \(made)")
                return
            }
            let read = withUnsafeBytes(of: parsed.uuid) { Array($0) }
            #expect(made == parsed.uuidString.lowercased())
            for index in 0..<16 where index != 6 && index != 8 { #expect(read[index] == given[index]) }
            #expect(read[6] == 0x40 | (given[6] & 0x0F))
            #expect(read[8] == 0x80 | (given[8] & 0x3F))
        }
    }

    @Test func freshIdsAreVersionFourAndDistinct() {
        let ids = (0..<2_000).map { _ in RandomUUID.make() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(200) {
            let characters = Array(id)
            #expect(UUID(uuidString: id) != nil && id == id.lowercased() && characters.count == 36)
            #expect(characters[14] == "4" && "89ab".contains(characters[19]), "version 4, RFC 4122 variant: \(id)")
        }
    }
}
