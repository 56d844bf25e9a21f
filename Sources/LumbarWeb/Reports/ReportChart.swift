import Foundation
import LumbarCore

/// The reports' pictures, drawn here as SVG: bars over time, and bars of shares. Each carries its own text alternative.
enum ReportChart {
    struct Bar: Sendable {
        let label: String
        let value: Int
        let text: String
    }

    /// Vertical bars, one per period, labelled below (thinned when there are many) with the largest value marked.
    static func bars(_ bars: [Bar], title: String) -> String {
        let left = 8.0, top = 18.0, height = 150.0
        let step = bars.count > 40 ? 8.0 : bars.count > 16 ? 18.0 : 44.0
        // Label every bar whose label fits (about 6.6 px a letter at this size), else every second, third...
        let longest = Double(bars.map { short($0.label).count }.max() ?? 1) * 6.6 + 6
        let every = max(1, Int((longest / step).rounded(.up)))
        // Room on the right for the last label, which may reach past its bar.
        let width = max(320, left * 2 + Double(bars.count) * step + longest / 2)
        let largest = max(1, bars.map(\.value).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size(width, top + height + 28)) role=\"img\" aria-label=\"\(Illustration.escape(title))\" class=\"report-chart\">"
        svg += "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#4a5563\">"
        svg += "<path d=\"M\(Illustration.number(left)) \(Illustration.number(top + height)) H\(Illustration.number(width - left))\" stroke=\"#b8c2cc\"/>"
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * step
            let barHeight = Double(max(0, bar.value)) / Double(largest) * height
            svg += "<rect x=\"\(Illustration.number(x + step * 0.15))\" y=\"\(Illustration.number(top + height - barHeight))\" width=\"\(Illustration.number(step * 0.7))\" height=\"\(Illustration.number(barHeight))\" fill=\"#205e8a\"><title>\(Illustration.escape(bar.label)): \(Illustration.escape(bar.text))</title></rect>"
            if index % every == 0 {
                svg += "<text x=\"\(Illustration.number(x + step / 2))\" y=\"\(Illustration.number(top + height + 15))\" text-anchor=\"\(every > 1 ? "start" : "middle")\">\(Illustration.escape(short(bar.label)))</text>"
            }
        }
        if let top1 = bars.max(by: { $0.value < $1.value }), top1.value > 0 {
            svg += "<text x=\"\(Illustration.number(left))\" y=\"12\">Highest: \(Illustration.escape(top1.label)), \(Illustration.escape(top1.text))</text>"
        }
        return svg + "</g></svg>"
    }

    /// Horizontal bars of shares (each value out of `whole`), one row each with its name and figure.
    static func shares(_ bars: [Bar], whole: Int, title: String) -> String {
        let rowHeight = 26.0, nameWidth = 130.0, barWidth = 200.0
        let height = Double(max(1, bars.count)) * rowHeight + 6
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size(nameWidth + barWidth + 90, height)) role=\"img\" aria-label=\"\(Illustration.escape(title))\" class=\"report-chart\">"
        svg += "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#1d2733\">"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let share = whole > 0 ? min(1, Double(max(0, bar.value)) / Double(whole)) : 0
            svg += "<text x=\"0\" y=\"\(Illustration.number(y + 15))\">\(Illustration.escape(String(bar.label.prefix(18))))</text>"
            svg += "<rect x=\"\(Illustration.number(nameWidth))\" y=\"\(Illustration.number(y + 3))\" width=\"\(Illustration.number(barWidth))\" height=\"16\" fill=\"#e3e8ed\"/>"
            svg += "<rect x=\"\(Illustration.number(nameWidth))\" y=\"\(Illustration.number(y + 3))\" width=\"\(Illustration.number(barWidth * share))\" height=\"16\" fill=\"#205e8a\"/>"
            svg += "<text x=\"\(Illustration.number(nameWidth + barWidth + 6))\" y=\"\(Illustration.number(y + 15))\">\(Illustration.escape(bar.text))</text>"
        }
        return svg + "</g></svg>"
    }

    /// The drawing's own size as well as its view box: the page shows it at that size and only shrinks it to fit,
    /// so its lettering is never blown up or shrunk past reading.
    private static func size(_ width: Double, _ height: Double) -> String {
        let w = Illustration.number(width), h = Illustration.number(height)
        return "viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
    }

    private static func short(_ label: String) -> String {
        label.replacingOccurrences(of: "Week of ", with: "")
    }
}
