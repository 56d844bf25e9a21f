import Foundation

/// A decoded `application/x-www-form-urlencoded` body. Repeated names (checkbox groups) keep every value in
/// `all(_:)`; the subscript gives the first.
struct FormData: Sendable {
    private(set) var fields: [String: String] = [:]
    private var repeated: [String: [String]] = [:]

    init() {}

    /// A form holding `values`, as if typed: for showing a stored thing in its edit form.
    init(_ values: [String: String]) {
        fields = values
        repeated = values.mapValues { [$0] }
    }

    /// A form holding `pairs` in order, names repeated for tick-box groups: for showing a stored thing in its edit form.
    init(pairs: [(String, String)]) {
        for (name, value) in pairs {
            repeated[name, default: []].append(value)
            if fields[name] == nil { fields[name] = value }
        }
    }

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? (Self.decode(parts[1]) ?? "") : ""
            repeated[name, default: []].append(value)
            if fields[name] == nil { fields[name] = value }
        }
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    func has(_ name: String) -> Bool { fields[name] != nil }

    func checkbox(_ name: String) -> Bool { ["on", "true", "1", "yes"].contains(fields[name] ?? "") }
}
