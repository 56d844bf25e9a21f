/// Draws adherence as one bar per day (full: all of it, half: some, a short mark: none, nothing: no entry) and pain
/// as a line on a 0–10 scale, in SVG with its own text alternative.
public enum AdherenceChart {
    public static func svg(_ adherence: Adherence) -> String {
        let left = 28.0, top = 10.0, height = 120.0, step = 24.0
        let width = left + Double(adherence.days.count) * step + 10
        func y(_ pain: Int) -> Double { top + height - Double(pain) / 10 * height }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Illustration.number(width)) \(Illustration.number(top + height + 34))\" role=\"img\" aria-labelledby=\"adherence-title\">"
        svg += "<title id=\"adherence-title\">\(Illustration.escape(adherence.summary))</title>"
        svg += "<g font-family=\"sans-serif\" font-size=\"10\" fill=\"#5b6775\">"
        for pain in [0, 5, 10] {
            svg += "<text x=\"\(Illustration.number(left - 6))\" y=\"\(Illustration.number(y(pain) + 3))\" text-anchor=\"end\">\(pain)</text>"
            svg += "<path d=\"M\(Illustration.number(left)) \(Illustration.number(y(pain))) L\(Illustration.number(width - 6)) \(Illustration.number(y(pain)))\" stroke=\"#d5dbe1\"/>"
        }
        var line: [String] = []
        for (index, day) in adherence.days.enumerated() {
            let x = left + Double(index) * step + 4
            let barHeight: Double? = switch day.done {
            case .yes?: height
            case .partly?: height / 2
            case .no?: 4
            case nil: nil
            }
            if let barHeight {
                let fill = day.done == .no ? "#a4161a" : day.done == .partly ? "#9cc3e0" : "#205e8a"
                svg += "<rect x=\"\(Illustration.number(x))\" y=\"\(Illustration.number(top + height - barHeight))\" width=\"16\" height=\"\(Illustration.number(barHeight))\" fill=\"\(fill)\" opacity=\"0.55\"/>"
            }
            if let pain = day.pain { line.append("\(Illustration.number(x + 8)) \(Illustration.number(y(pain)))") }
            if index % 2 == (adherence.days.count - 1) % 2 {
                svg += "<text x=\"\(Illustration.number(x + 8))\" y=\"\(Illustration.number(top + height + 14))\" text-anchor=\"middle\">\(day.day.day)</text>"
            }
        }
        if !line.isEmpty {
            svg += "<path d=\"M" + line.joined(separator: " L") + "\" fill=\"none\" stroke=\"#1d2733\" stroke-width=\"2.5\"/>"
            for point in line { svg += "<circle cx=\"\(point.split(separator: " ")[0])\" cy=\"\(point.split(separator: " ")[1])\" r=\"3\" fill=\"#1d2733\"/>" }
        }
        svg += "<text x=\"\(Illustration.number(left))\" y=\"\(Illustration.number(top + height + 30))\">Bars: done (full), some (half), none (red). Line: pain 0–10.</text>"
        svg += "</g></svg>"
        return svg
    }
}
