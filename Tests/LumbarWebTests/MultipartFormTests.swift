@testable import LumbarWeb
import Testing

/// The upload parser: what browsers send is read exactly, and hostile or broken bodies are refused, quickly.
@Suite struct MultipartFormTests {
    static let boundary = "----LumbarBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [(headers: String, body: [UInt8])], boundary: String = boundary, closing: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            out += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.body + Array("\r\n".utf8)
        }
        if closing { out += Array("--\(boundary)--\r\n".utf8) }
        return out
    }

    @Test func aBrowsersUploadIsReadExactly() throws {
        let pdf = Array("%PDF-1.7\r\n--not the boundary\r\n\r\n\u{0}binary".utf8) + [0xFF, 0x00, 0x0D, 0x0A]
        let bytes = Self.body([
            ("Content-Disposition: form-data; name=\"_csrf\"", Array("token123".utf8)),
            ("Content-Disposition: form-data; name=\"file\"; filename=\"MRI report; été.pdf\"\r\nContent-Type: application/pdf", pdf),
            ("content-disposition: form-data; name=\"description\"", Array("Line one\r\nline two".utf8)),
        ])
        let form = try MultipartForm(bytes, boundary: Self.boundary)
        #expect(form.parts.count == 3)
        #expect(form["_csrf"] == "token123")
        #expect(form["description"] == "Line one\r\nline two")
        let file = try #require(form.part("file"))
        #expect(file.fileName == "MRI report; été.pdf" && file.contentType == "application/pdf")
        #expect(Array(file.body) == pdf)
        #expect(form["file"] == "", "a file is not a text field")
    }

    @Test func anEmptyFileFieldIsAPartWithNoBytes() throws {
        let form = try MultipartForm(Self.body([("Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream", [])]),
                                     boundary: Self.boundary)
        #expect(form.part("file")?.body.isEmpty == true && form.part("file")?.fileName == "")
    }

    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryAbC") == "----WebKitFormBoundaryAbC")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b;c\"") == "a b;c")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil, "missing boundary")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\(String(repeating: "x", count: 71))") == nil, "over 70 characters")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=a\u{1}b") == nil)
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded; boundary=abc") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/mixed; boundary=abc") == nil)
    }

    @Test func brokenBodiesAreRefused() {
        let good = Self.body([("Content-Disposition: form-data; name=\"a\"", Array("1".utf8))])
        let cases: [(String, [UInt8], MultipartForm.Failure)] = [
            ("empty", [], .malformed),
            ("no delimiter", Array("just text".utf8), .malformed),
            ("truncated in a part", Array(good.prefix(good.count - 30)), .malformed),
            ("no closing delimiter", Self.body([("Content-Disposition: form-data; name=\"a\"", Array("1".utf8))], closing: false), .malformed),
            ("no blank line after headers", Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"".utf8), .malformed),
            ("a header without a colon", Self.body([("Content-Disposition form-data", [])]), .malformed),
            ("no disposition", Self.body([("Content-Type: text/plain", [])]), .malformed),
            ("no name", Self.body([("Content-Disposition: form-data; filename=\"x\"", [])]), .malformed),
            ("not form-data", Self.body([("Content-Disposition: attachment; name=\"a\"", [])]), .malformed),
            ("junk after a delimiter", Array("--\(Self.boundary)xx\r\n".utf8), .malformed),
        ]
        for (what, bytes, failure) in cases {
            #expect(throws: failure, "\(what)") { try MultipartForm(bytes, boundary: Self.boundary) }
        }
    }

    @Test func aHugeHeaderIsRefusedWithoutReadingOn() {
        let header = "Content-Disposition: form-data; name=\"a\"; x=\"" + String(repeating: "y", count: 1_000_000) + "\""
        #expect(throws: MultipartForm.Failure.headerTooLong) { try MultipartForm(Self.body([(header, [])]), boundary: Self.boundary) }
    }

    @Test func tooManyPartsAreRefused() {
        let parts = (0...MultipartForm.maxParts).map { ("Content-Disposition: form-data; name=\"f\($0)\"", [UInt8]()) }
        #expect(throws: MultipartForm.Failure.tooManyParts) { try MultipartForm(Self.body(parts), boundary: Self.boundary) }
    }

    /// Ten megabytes of near-misses of the delimiter: a naive search rescans each one, this one reads each byte once.
    @Test func nearMissesCostNoMoreThanAnyOtherBytes() throws {
        let nearMiss = Array("\r\n--\(Self.boundary.dropLast())".utf8)
        var payload: [UInt8] = []
        payload.reserveCapacity(10_500_000)
        while payload.count < 10_000_000 { payload += nearMiss }
        let bytes = Self.body([("Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", payload)])
        let clock = ContinuousClock()
        var form: MultipartForm?
        let elapsed = try clock.measure { form = try MultipartForm(bytes, boundary: Self.boundary) }
        #expect(form?.part("file")?.body.count == payload.count)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func theSearchFindsEveryOccurrenceAStraightScanFinds() {
        let pattern = Array("abab".utf8)
        let search = BoundarySearch(pattern)
        for text in ["ababab", "aababab", "abaabab", "xxabab", "aba", "", "abab"] {
            let bytes = Array(text.utf8)
            let naive = bytes.indices.first { bytes[$0...].starts(with: pattern) }
            #expect(search.first(in: bytes, from: 0) == naive, "\(text)")
        }
    }
}
