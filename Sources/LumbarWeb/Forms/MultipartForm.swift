import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts. Written for uploads of a few megabytes from
/// browsers: every search is linear in the body (a precomputed boundary search, no rescans), part headers are
/// bounded, and anything malformed is refused rather than guessed at.
struct MultipartForm: Sendable {
    /// One part: a field's text, or a file's bytes with the name the sender gave it.
    struct Part: Sendable {
        let name: String
        let fileName: String?
        let contentType: String?
        let body: ArraySlice<UInt8>

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, Equatable {
        case noBoundary
        case malformed
        case tooManyParts
        case headerTooLong
    }

    static let maxParts = 16
    /// All the headers of one part; a browser sends about 150 bytes.
    static let maxHeaderBytes = 4096

    let parts: [Part]

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of the first part named `name` that is not a file; "" when there is none.
    subscript(_ name: String) -> String { parts.first { $0.name == name && $0.fileName == nil }?.text ?? "" }

    /// The `boundary` parameter of a `multipart/form-data` Content-Type, or nil when it is another type or has none.
    static func boundary(contentType: String) -> String? {
        let parameters = Self.parameters(contentType)
        guard parameters.first?.0 == "multipart/form-data", let value = parameters.first(where: { $0.0 == "boundary" })?.1 else { return nil }
        // RFC 2046 §5.1.1: 1 to 70 characters, none of them a control character, not ending in a space.
        guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }), value.last != " " else { return nil }
        return value
    }

    /// Splits `body` on `boundary`. The body must end with the closing delimiter: a truncated upload is refused.
    init(_ body: [UInt8], boundary: String) throws {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let search = BoundarySearch(delimiter)
        // The first delimiter may open the body without the CRLF before it; anything before it is preamble.
        var position: Int
        let opening = delimiter.dropFirst(2)
        if body.starts(with: opening) {
            position = opening.count
        } else if let found = search.first(in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw Failure.malformed
        }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" closes the body; otherwise optional spaces and a CRLF begin a part.
            if Self.matches(body, at: position, "--") { break }
            while position < body.count, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
            guard Self.matches(body, at: position, "\r\n") else { throw Failure.malformed }
            position += 2
            guard parts.count < Self.maxParts else { throw Failure.tooManyParts }
            let (headers, bodyStart) = try Self.headers(body, from: position)
            guard let end = search.first(in: body, from: bodyStart) else { throw Failure.malformed }
            parts.append(try Self.part(headers, body: body[bodyStart..<end]))
            position = end + delimiter.count
        }
        self.parts = parts
    }

    /// The header lines of one part, up to the blank line, and where its body starts. Looks no further than
    /// `maxHeaderBytes`, so a part without a blank line costs that much at most.
    private static func headers(_ body: [UInt8], from start: Int) throws -> ([(String, String)], Int) {
        var lines: [(String, String)] = []
        var lineStart = start
        var index = start
        let limit = min(body.count, start + maxHeaderBytes)
        while index + 1 < limit {
            guard body[index] == 0x0D, body[index + 1] == 0x0A else {
                index += 1
                continue
            }
            if index == lineStart { return (lines, index + 2) }
            let line = String(decoding: body[lineStart..<index], as: UTF8.self)
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed }
            lines.append((line[..<colon].trimmingSpaces.lowercased(), line[line.index(after: colon)...].trimmingSpaces))
            index += 2
            lineStart = index
        }
        throw limit < body.count ? Failure.headerTooLong : Failure.malformed
    }

    private static func part(_ headers: [(String, String)], body: ArraySlice<UInt8>) throws -> Part {
        guard let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 else { throw Failure.malformed }
        let parameters = Self.parameters(disposition)
        guard parameters.first?.0 == "form-data", let name = parameters.first(where: { $0.0 == "name" })?.1 else { throw Failure.malformed }
        return Part(name: Self.unescaped(name), fileName: parameters.first(where: { $0.0 == "filename" }).map { Self.unescaped($0.1) },
                    contentType: headers.first(where: { $0.0 == "content-type" })?.1, body: body)
    }

    /// Browsers write a quote, CR and LF in a name as %22, %0D and %0A (HTML's form submission rules); back as they were.
    static func unescaped(_ value: String) -> String {
        guard value.contains("%") else { return value }
        return value.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
    }

    /// `form-data; name="file"; filename="scan.pdf"` as [("form-data", ""), ("name", "file"), ("filename", "scan.pdf")].
    /// Quoted values may hold ";" and backslash escapes.
    static func parameters(_ header: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var scalars = Substring(header).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        while !scalars.isEmpty {
            skipSpaces()
            var key = ""
            while let first = scalars.first, first != "=", first != ";" { key.unicodeScalars.append(scalars.removeFirst()) }
            var value = ""
            if scalars.first == "=" {
                scalars.removeFirst()
                skipSpaces()
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    while let next = scalars.first {
                        scalars.removeFirst()
                        if next == "\"" { break }
                        if next == "\\", let escaped = scalars.first {
                            scalars.removeFirst()
                            value.unicodeScalars.append(escaped)
                        } else {
                            value.unicodeScalars.append(next)
                        }
                    }
                    while let first = scalars.first, first != ";" { scalars.removeFirst() }
                } else {
                    while let first = scalars.first, first != ";" { value.unicodeScalars.append(scalars.removeFirst()) }
                    value = value.trimmingSpaces
                }
            }
            if scalars.first == ";" { scalars.removeFirst() }
            let trimmedKey = key.trimmingSpaces.lowercased()
            if !trimmedKey.isEmpty { result.append((trimmedKey, value)) }
        }
        return result
    }

    private static func matches(_ body: [UInt8], at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= body.count else { return false }
        return text.withUTF8Buffer { expected in (0..<count).allSatisfy { body[index + $0] == expected[$0] } }
    }
}

/// Finds a delimiter in linear time whatever the body holds (Knuth–Morris–Pratt): a hostile body of near-misses
/// costs no more than any other of its size.
struct BoundarySearch: Sendable {
    let pattern: [UInt8]
    /// For each prefix of the pattern, the length of its longest proper prefix that is also its suffix.
    private let fallback: [Int]

    init(_ pattern: [UInt8]) {
        precondition(!pattern.isEmpty)
        self.pattern = pattern
        var fallback = [Int](repeating: 0, count: pattern.count)
        var length = 0
        for index in pattern.indices.dropFirst() {
            while length > 0, pattern[index] != pattern[length] { length = fallback[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            fallback[index] = length
        }
        self.fallback = fallback
    }

    /// The index where the pattern first starts at or after `start`, or nil.
    func first(in bytes: [UInt8], from start: Int) -> Int? {
        var matched = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            while matched > 0, byte != pattern[matched] { matched = fallback[matched - 1] }
            if byte == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index - pattern.count + 1 }
            index += 1
        }
        return nil
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
