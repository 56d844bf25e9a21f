import Foundation

/// A decoded `application/x-www-form-urlencoded` body. Repeated names keep their first value.
struct FormData: Sendable {
    private(set) var fields: [String: String] = [:]

    init() {}

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? (Self.decode(parts[1]) ?? "") : ""
        }
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    func has(_ name: String) -> Bool { fields[name] != nil }

    func checkbox(_ name: String) -> Bool { ["on", "true", "1", "yes"].contains(fields[name] ?? "") }
}
