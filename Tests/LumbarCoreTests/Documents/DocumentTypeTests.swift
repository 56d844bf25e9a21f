import LumbarCore
import PropertyBased
import Testing

/// The type of an upload is read from its first bytes, never from its name: the three kinds kept are found
/// whatever follows their signature, and nothing else is taken for one of them.
@Suite struct DocumentTypeTests {
    static let bytes = Gen.uint8(in: 0...255).array(of: 0...64)

    /// The independent oracle: each format's published signature, spelled out byte by byte.
    static func expected(_ bytes: [UInt8]) -> DocumentType? {
        if bytes.count >= 8, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E, bytes[3] == 0x47, bytes[4] == 0x0D, bytes[5] == 0x0A,
           bytes[6] == 0x1A, bytes[7] == 0x0A { return .png }
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if bytes.count >= 6, bytes[0] == 0x25, bytes[1] == 0x50, bytes[2] == 0x44, bytes[3] == 0x46, bytes[4] == 0x2D,
           bytes[5] == 0x31 || bytes[5] == 0x32 { return .pdf }
        return nil
    }

    @Test func anyBytesAreJudgedByTheirSignatureAlone() async {
        await propertyCheck(count: 1000, input: Self.bytes) { bytes in
            #expect(DocumentType.sniff(bytes) == Self.expected(bytes))
        }
    }

    @Test func aSignatureFollowedByAnythingIsThatType() async {
        let signatures: [(DocumentType, [UInt8])] = [(.pdf, Array("%PDF-1.7".utf8)), (.jpeg, [0xFF, 0xD8, 0xFF, 0xE0]),
                                                     (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])]
        await propertyCheck(count: 300, input: Gen.int(in: 0...2), Self.bytes) { which, tail in
            let (type, signature) = signatures[which]
            #expect(DocumentType.sniff(signature + tail) == type)
        }
    }

    /// Whatever comes first, a signature further in does not count: a page or script with "%PDF-" inside is refused.
    @Test func aSignatureAfterOtherBytesDoesNotCount() async {
        await propertyCheck(count: 300, input: Gen.uint8(in: 0...255).array(of: 1...20)) { prefix in
            guard Self.expected(prefix) == nil, prefix.first != 0x25, prefix.first != 0xFF, prefix.first != 0x89 else { return }
            #expect(DocumentType.sniff(prefix + Array("%PDF-1.4".utf8)) == nil)
        }
    }

    @Test func disguisesAreRefused() {
        for text in ["<html><script>alert(1)</script></html>", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                     "<svg onload=alert(1)>", "#!/bin/sh\nrm -rf /", " %PDF-1.4", "%PDF-", "%PDF-x", "GIF89a", ""] {
            #expect(DocumentType.sniff(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(DocumentType.sniff([0xFF, 0xD8]) == nil, "too short to be a JPEG")
        #expect(DocumentType.sniff(Array("%PDF-1.4\n%âãÏÓ".utf8)) == .pdf)
    }
}
