import LumbarCore
import PropertyBased
import Testing

/// A file's name as sent is shown and put in a download header only once cleaned: no path, no control or
/// reordering characters, a bounded length, never empty.
@Suite struct DocumentNameTests {
    static let scalars: [Character] = ["a", "B", "7", ".", " ", "/", "\\", "\u{0}", "\n", "\r", "\t", "\u{202E}", "\u{200B}", "é", "🙂", "\"", "%", ";"]
    static let names = Gen.int(in: 0...(scalars.count - 1)).map { scalars[$0] }.array(of: 0...300).map { String($0) }

    @Test func everyNameComesOutSafe() async {
        await propertyCheck(count: 500, input: Self.names) { raw in
            let name = DocumentName.sanitised(raw)
            #expect(!name.isEmpty && name.count <= DocumentName.limit)
            #expect(!name.contains("/") && !name.contains("\\"))
            #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202E}" || $0 == "\u{200B}" })
            #expect(!name.hasPrefix(".") && !name.hasPrefix(" ") && !name.hasSuffix(" "))
            #expect(DocumentName.sanitised(name) == name, "cleaning twice changes nothing")
        }
    }

    @Test func namesPeopleSendAreKept() {
        #expect(DocumentName.sanitised("MRI report 2026-11.pdf") == "MRI report 2026-11.pdf")
        #expect(DocumentName.sanitised("C:\\Users\\fran\\Scans\\intake.jpg") == "intake.jpg")
        #expect(DocumentName.sanitised("../../etc/passwd") == "passwd")
        #expect(DocumentName.sanitised("Reçu d'été.png") == "Reçu d'été.png")
        #expect(DocumentName.sanitised("invoice\u{202E}fdp.exe") == "invoicefdp.exe")
        #expect(DocumentName.sanitised("") == "document")
        #expect(DocumentName.sanitised("   ") == "document")
        let long = String(repeating: "x", count: 300) + ".pdf"
        #expect(DocumentName.sanitised(long).hasSuffix(".pdf") && DocumentName.sanitised(long).count == DocumentName.limit)
    }

    @Test func sizesAreSpokenPlainly() {
        #expect(DocumentSize.spoken(1) == "1 byte")
        #expect(DocumentSize.spoken(900) == "900 bytes")
        #expect(DocumentSize.spoken(310 * 1024) == "310 KB")
        #expect(DocumentSize.spoken(10 * 1_048_576) == "10 MB")
        #expect(DocumentSize.spoken(2_516_582) == "2.4 MB")
    }
}
