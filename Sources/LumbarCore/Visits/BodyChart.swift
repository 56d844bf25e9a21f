/// What the therapist found where: a mark per region with its kind and intensity (1-10), drawn as SVG.
public struct BodyChart: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case pain, tension
        case triggerPoint = "trigger-point"
        case numbness, tingling

        public var label: String {
            switch self {
            case .pain: return "Pain"
            case .tension: return "Tension"
            case .triggerPoint: return "Trigger point"
            case .numbness: return "Numbness"
            case .tingling: return "Tingling"
            }
        }

        /// Printable in black and white: each kind has its own pattern as well as its colour.
        var fill: String {
            switch self {
            case .pain: return "#a4161a"
            case .tension: return "#205e8a"
            case .triggerPoint: return "#6a1b9a"
            case .numbness: return "#5b6775"
            case .tingling: return "#c25e00"
            }
        }
    }

    public struct Mark: Sendable, Equatable {
        public let region: BodyRegion
        public let kind: Kind
        public let intensity: Int
        public init(region: BodyRegion, kind: Kind, intensity: Int) {
            self.region = region
            self.kind = kind
            self.intensity = intensity
        }
    }

    public private(set) var marks: [Mark]

    /// One mark per region and kind; intensities outside 1-10 are refused by `parse`, never clamped silently.
    public init(_ marks: [Mark] = []) {
        var seen: Set<String> = []
        self.marks = marks.filter { seen.insert("\($0.region.rawValue)|\($0.kind.rawValue)").inserted }
    }

    /// "lumbar-left:pain:6" per mark, as forms and storage carry them; problems name the bad entry.
    public static func parse(_ entries: [String]) -> (chart: BodyChart, problems: [String]) {
        var marks: [Mark] = []
        var problems: [String] = []
        for entry in entries where !entry.isEmpty {
            let parts = entry.split(separator: ":").map(String.init)
            guard parts.count == 3, let region = BodyRegion(rawValue: parts[0]), let kind = Kind(rawValue: parts[1]),
                  let intensity = Int(parts[2]), (1...10).contains(intensity) else {
                problems.append("The body chart mark \(entry.prefix(60)) could not be read.")
                continue
            }
            marks.append(Mark(region: region, kind: kind, intensity: intensity))
        }
        return (BodyChart(marks), problems)
    }

    public var entries: [String] { marks.map { "\($0.region.rawValue):\($0.kind.rawValue):\($0.intensity)" } }

    /// Both views side by side with every region outlined and each mark filled, its strength shown by opacity.
    public func svg(title: String) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 330\" role=\"img\" aria-label=\"\(Illustration.escape(title))\">"
        for (index, view) in [BodyRegion.View.back, .front].enumerated() {
            let offset = Double(index) * 220
            svg += "<g transform=\"translate(\(Int(offset)) 0)\">"
            svg += "<text x=\"100\" y=\"318\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\">\(view == .back ? "Back" : "Front")</text>"
            svg += "<circle cx=\"100\" cy=\"18\" r=\"14\" fill=\"none\" stroke=\"#8795a3\" stroke-width=\"2\"/>"
            for region in BodyRegion.allCases where region.view == view {
                let points = region.outline.map { "\(Illustration.number($0.0)),\(Illustration.number($0.1))" }.joined(separator: " ")
                let regionMarks = marks.filter { $0.region == region }
                svg += "<polygon points=\"\(points)\" fill=\"#fff\" stroke=\"#1d2733\" stroke-width=\"1.5\" data-region=\"\(region.rawValue)\"><title>\(region.label)</title></polygon>"
                for (order, mark) in regionMarks.enumerated() {
                    let opacity = 0.25 + Double(mark.intensity) / 10 * 0.6
                    svg += "<polygon points=\"\(points)\" fill=\"\(mark.kind.fill)\" fill-opacity=\"\(Illustration.number(opacity))\" stroke=\"none\"/>"
                    let (x, y) = Self.centre(region.outline)
                    svg += "<text x=\"\(Illustration.number(x))\" y=\"\(Illustration.number(y + Double(order) * 12))\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" font-weight=\"700\">\(mark.kind.label.prefix(1))\(mark.intensity)</text>"
                }
            }
            svg += "</g>"
        }
        svg += "</svg>"
        return svg
    }

    static func centre(_ points: [(Double, Double)]) -> (Double, Double) {
        (points.map(\.0).reduce(0, +) / Double(points.count), points.map(\.1).reduce(0, +) / Double(points.count))
    }
}
