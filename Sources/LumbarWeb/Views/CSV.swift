import Foundation
import Hummingbird

/// CSV downloads: every field quoted, spreadsheet formulas defused, sent as an attachment that is not cached.
enum CSV {
    /// Quotes every field and defuses spreadsheet formulas (a value starting with = + - @ is prefixed with ').
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A header line and rows, each field quoted, lines ended with CRLF.
    static func text(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func response(_ csv: String, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\"",
                                        .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: csv)))
    }
}
