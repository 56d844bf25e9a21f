import Foundation
import LumbarCore

/// Dollars and cents as people read and type them.
public enum Money {
    /// "$1,234.50"; below zero with a minus sign before the dollar sign ("−$0.50"), so a refund never reads as money in.
    public static func text(_ cents: Int) -> String {
        let magnitude = cents.magnitude, dollars = String(magnitude / 100), rest = magnitude % 100
        var grouped = ""
        for (index, digit) in dollars.enumerated() {
            if index > 0, (dollars.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (cents < 0 ? "−$" : "$") + grouped + (rest < 10 ? ".0" : ".") + String(rest)
    }

    /// "120", "120.5", "$120.50", "$1,200" → cents; nil for anything else (a comma only between groups of three).
    public static func cents(_ text: String) -> Int? {
        let typed = text.trimmed.replacingOccurrences(of: "$", with: "")
        let whole = typed.split(separator: ".", omittingEmptySubsequences: false)[0]
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return hundredths(typed.replacingOccurrences(of: ",", with: ""))
    }

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
