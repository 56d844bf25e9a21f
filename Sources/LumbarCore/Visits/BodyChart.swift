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

        /// Colour for the screen; each kind also has its own symbol and fill pattern, so a black-and-white print reads.
        public var colour: String {
            switch self {
            case .pain: return "#a4161a"
            case .tension: return "#205e8a"
            case .triggerPoint: return "#6a1b9a"
            case .numbness: return "#4a5561"
            case .tingling: return "#a84f00"
            }
        }

        /// The symbol drawn at the mark, centred on 0,0 in a 12-unit box: a dot, waves, a cross, a ring, a zigzag.
        public var symbol: String {
            switch self {
            case .pain: return "<circle r=\"5\" fill=\"\(colour)\"/>"
            case .tension: return "<path d=\"M-6 -2q1.5-3 3 0t3 0t3 0t3 0M-6 3q1.5-3 3 0t3 0t3 0t3 0\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\"/>"
            case .triggerPoint: return "<path d=\"M-5 -5L5 5M5 -5L-5 5\" stroke=\"\(colour)\" stroke-width=\"2.4\"/>"
            case .numbness: return "<circle r=\"4.5\" fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            case .tingling: return "<path d=\"M-6 2L-3 -3L0 2L3 -3L6 2\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.8\"/>"
            }
        }

        /// The region's fill: a pattern of the kind's own lines over a wash of its colour.
        var pattern: String {
            let lines: String
            switch self {
            case .pain: lines = ""
            case .tension: lines = "<path d=\"M0 3H8\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>"
            case .triggerPoint: lines = "<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"\(colour)\" stroke-width=\"1\"/>"
            case .numbness: lines = "<circle cx=\"4\" cy=\"4\" r=\"1.3\" fill=\"\(colour)\"/>"
            case .tingling: lines = "<path d=\"M0 6L2 2L4 6L6 2L8 6\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\"/>"
            }
            return "<pattern id=\"fill-\(rawValue)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"\(colour)\" fill-opacity=\"0.28\"/>\(lines)</pattern>"
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

    /// Both views side by side, every region outlined and the client's sides named, each mark drawn as its kind's
    /// pattern and symbol with its strength beside it, and a legend under the figures so a printed chart explains
    /// itself.
    public func svg(title: String) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 400\" role=\"img\" aria-label=\"\(Illustration.escape(title))\">"
        svg += Self.definitions
        for (index, view) in BodyRegion.View.allCases.enumerated() {
            svg += "<g transform=\"translate(\(index * 220) 0)\">" + panel(view, interactive: false) + "</g>"
        }
        return svg + Self.legend + "</svg>"
    }

    /// The figure a therapist marks: the two views as separate drawings, so a narrow screen stacks them at full
    /// width (a region is then large enough to tap), their regions buttons a tap or the keyboard marks (the visit
    /// note's script does the marking). The shared symbols sit in a drawing of their own; the page's tool list,
    /// which shows each symbol beside its name, is the legend.
    public func inputSVG(title: String) -> String {
        var html = "<div class=\"chart-views\" role=\"group\" aria-label=\"\(Illustration.escape(title))\">"
        html += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\">"
        html += Self.definitions + "</svg>"
        for view in BodyRegion.View.allCases {
            html += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 330\" class=\"chart-input\" role=\"group\" "
            html += "aria-label=\"\(view.label)\">" + panel(view, interactive: true) + "</svg>"
        }
        return html + "</div>"
    }

    /// The fills and symbols every mark and the legend refer to.
    private static let definitions: String = {
        var defs = "<defs>"
        for kind in Kind.allCases {
            defs += kind.pattern + "<g id=\"symbol-\(kind.rawValue)\" data-colour=\"\(kind.colour)\">\(kind.symbol)</g>"
        }
        return defs + "</defs>"
    }()

    /// One view in its 200-wide panel: the head, the regions, the view's name and which side is the client's left.
    private func panel(_ view: BodyRegion.View, interactive: Bool) -> String {
        let (viewerLeft, viewerRight) = view == .back ? ("Left", "Right") : ("Right", "Left")
        var svg = "<g font-family=\"sans-serif\" font-size=\"13\" fill=\"#4a5561\" aria-hidden=\"true\">"
        svg += "<text x=\"80\" y=\"23\" text-anchor=\"end\">\(viewerLeft)</text><text x=\"120\" y=\"23\">\(viewerRight)</text>"
        svg += "<text x=\"100\" y=\"318\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"700\" fill=\"#1d2733\">\(view.label)</text></g>"
        svg += "<circle cx=\"100\" cy=\"18\" r=\"14\" fill=\"none\" stroke=\"#8795a3\" stroke-width=\"2\"/>"
        for region in BodyRegion.allCases where region.view == view { svg += regionGroup(region, interactive: interactive) }
        return svg
    }

    /// One region: its outline, then each of its marks; the script redraws only the marks, from the same symbols.
    private func regionGroup(_ region: BodyRegion, interactive: Bool) -> String {
        let points = region.outline.map { "\(Illustration.number($0.0)),\(Illustration.number($0.1))" }.joined(separator: " ")
        let regionMarks = marks.filter { $0.region == region }
        let (x, y) = Self.centre(region.outline)
        var group = "<g data-region=\"\(region.rawValue)\" data-x=\"\(Illustration.number(x))\" data-y=\"\(Illustration.number(y))\""
        if interactive {
            let state = regionMarks.isEmpty ? "no mark" : regionMarks.map { "\($0.kind.label.lowercased()) \($0.intensity)" }.joined(separator: ", ")
            group += " class=\"region\" tabindex=\"0\" role=\"button\" aria-label=\"\(region.label): \(state)\""
        }
        group += "><polygon points=\"\(points)\" fill=\"#fff\" stroke=\"#1d2733\" stroke-width=\"1.5\"><title>\(region.label)</title></polygon>"
        group += "<g class=\"marks\">"
        for (order, mark) in regionMarks.enumerated() { group += Self.markShapes(mark.kind, intensity: mark.intensity, points: points, x: x, y: y, order: order) }
        return group + "</g></g>"
    }

    /// What a mark adds over its region; written the same way by the script (app.js) when a region is tapped.
    static func markShapes(_ kind: Kind, intensity: Int, points: String, x: Double, y: Double, order: Int) -> String {
        let top = y - 6 + Double(order) * 14
        return "<polygon points=\"\(points)\" fill=\"url(#fill-\(kind.rawValue))\" stroke=\"\(kind.colour)\" stroke-width=\"2\"/>"
            + "<use href=\"#symbol-\(kind.rawValue)\" x=\"\(Illustration.number(x - 7))\" y=\"\(Illustration.number(top))\"/>"
            + "<text x=\"\(Illustration.number(x + 1))\" y=\"\(Illustration.number(top + 4))\" font-family=\"sans-serif\" font-size=\"11\" font-weight=\"700\" fill=\"#1d2733\">\(intensity)</text>"
    }

    /// Each kind's symbol and name, and what the number means, large enough to read when the chart is printed small.
    static let legend: String = {
        var legend = "<g class=\"legend\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#1d2733\">"
        for (index, kind) in Kind.allCases.enumerated() {
            let (x, y) = (8 + (index % 3) * 140, 334 + (index / 3) * 24)
            legend += "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"16\" fill=\"url(#fill-\(kind.rawValue))\" stroke=\"\(kind.colour)\"/>"
            legend += "<use href=\"#symbol-\(kind.rawValue)\" x=\"\(x + 8)\" y=\"\(y + 8)\"/><text x=\"\(x + 22)\" y=\"\(y + 13)\">\(kind.label)</text>"
        }
        return legend + "<text x=\"8\" y=\"394\">Number beside a symbol: strength, 1 (slight) to 10 (strongest)</text></g>"
    }()

    static func centre(_ points: [(Double, Double)]) -> (Double, Double) {
        (points.map(\.0).reduce(0, +) / Double(points.count), points.map(\.1).reduce(0, +) / Double(points.count))
    }
}
