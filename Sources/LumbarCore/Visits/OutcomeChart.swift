/// Draws an outcome series as a line over time with the meaningful-change threshold marked, in SVG.
public enum OutcomeChart {
    public static func svg(_ series: OutcomeSeries, title: String) -> String {
        let left = 34.0, top = 12.0, width = 380.0, height = 150.0
        let range = series.instrument.range
        let first = series.points.first?.day.daysSinceEpoch ?? 0
        let span = max(1, (series.points.last?.day.daysSinceEpoch ?? 0) - first)
        func x(_ day: LocalDate) -> Double { left + Double(day.daysSinceEpoch - first) / Double(span) * (width - left - 12) }
        func y(_ score: Double) -> Double { top + height - (score - range.lowerBound) / (range.upperBound - range.lowerBound) * height }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Illustration.number(width)) \(Illustration.number(top + height + 36))\" role=\"img\" aria-label=\"\(Illustration.escape(title))\">"
        svg += "<g font-family=\"sans-serif\" font-size=\"10\" fill=\"#5b6775\">"
        for tick in [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound] {
            svg += "<text x=\"\(Illustration.number(left - 5))\" y=\"\(Illustration.number(y(tick) + 3))\" text-anchor=\"end\">\(Illustration.number(tick))</text>"
            svg += "<path d=\"M\(Illustration.number(left)) \(Illustration.number(y(tick))) L\(Illustration.number(width - 8)) \(Illustration.number(y(tick)))\" stroke=\"#d5dbe1\"/>"
        }
        if let threshold = series.threshold {
            let clamped = min(max(threshold, range.lowerBound), range.upperBound)
            svg += "<path d=\"M\(Illustration.number(left)) \(Illustration.number(y(clamped))) L\(Illustration.number(width - 8)) \(Illustration.number(y(clamped)))\" stroke=\"#2e7d32\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(Illustration.number(width - 10))\" y=\"\(Illustration.number(y(clamped) - 4))\" text-anchor=\"end\" fill=\"#2e7d32\">meaningful change</text>"
        }
        if !series.points.isEmpty {
            let path = series.points.map { "\(Illustration.number(x($0.day))) \(Illustration.number(y($0.score)))" }
            svg += "<path d=\"M" + path.joined(separator: " L") + "\" fill=\"none\" stroke=\"#1d2733\" stroke-width=\"2.5\"/>"
            for point in series.points {
                svg += "<circle cx=\"\(Illustration.number(x(point.day)))\" cy=\"\(Illustration.number(y(point.score)))\" r=\"3.5\" fill=\"#1d2733\"><title>\(SpokenTime.shortDay(point.day)) \(point.day.year): \(series.instrument.scoreText(point.score))</title></circle>"
            }
            svg += "<text x=\"\(Illustration.number(left))\" y=\"\(Illustration.number(top + height + 16))\">\(SpokenTime.shortDay(series.points.first!.day)) \(series.points.first!.day.year)</text>"
            svg += "<text x=\"\(Illustration.number(width - 8))\" y=\"\(Illustration.number(top + height + 16))\" text-anchor=\"end\">\(SpokenTime.shortDay(series.points.last!.day)) \(series.points.last!.day.year)</text>"
        }
        svg += "<text x=\"\(Illustration.number(left))\" y=\"\(Illustration.number(top + height + 32))\">\(Illustration.escape(title))</text>"
        svg += "</g></svg>"
        return svg
    }
}
