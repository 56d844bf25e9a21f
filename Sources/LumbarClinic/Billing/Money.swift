import Foundation
import LumbarCore

/// Dollars and cents as people read and type them.
public enum Money {
    public static func text(_ cents: Int) -> String {
        let dollars = cents / 100, rest = abs(cents % 100)
        return "$\(dollars).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// "120", "120.5", "$120.50" → cents; nil for anything else.
    public static func cents(_ text: String) -> Int? { hundredths(text.trimmed.replacingOccurrences(of: "$", with: "")) }

    /// "13" or "13.5" (percent) → basis points.
    public static func basisPoints(_ text: String) -> Int? { hundredths(text.trimmed.replacingOccurrences(of: "%", with: "")) }

    private static func hundredths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole < 10_000_000 else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let fraction = Int(parts[1]) else { return nil }
        return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }
}
