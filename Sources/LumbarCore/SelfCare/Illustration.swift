/// Draws an exercise as SVG: the start and end positions side by side, each labelled, in plain strokes that
/// print well in black and white. Only numbers and our own labels go into the markup.
public enum Illustration {
    public static let panelWidth = 180.0
    public static let panelHeight = 120.0

    public static func svg(_ exercise: Exercise) -> String {
        let width = panelWidth * 2 + 20
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(panelHeight + 24))\" role=\"img\" aria-labelledby=\"t-\(exercise.id)\">"
        svg += "<title id=\"t-\(exercise.id)\">\(escape(exercise.name)): \(escape(exercise.startLabel)), then \(escape(exercise.endLabel))</title>"
        svg += "<g fill=\"none\" stroke=\"#1d2733\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
        svg += panel(exercise.start, offset: 0)
        svg += panel(exercise.end, offset: panelWidth + 20)
        svg += "</g><g font-family=\"sans-serif\" font-size=\"13\" fill=\"#1d2733\" text-anchor=\"middle\">"
        svg += "<text x=\"\(number(panelWidth / 2))\" y=\"\(number(panelHeight + 18))\">1. \(escape(exercise.startLabel))</text>"
        svg += "<text x=\"\(number(panelWidth * 1.5 + 20))\" y=\"\(number(panelHeight + 18))\">2. \(escape(exercise.endLabel))</text>"
        svg += "</g></svg>"
        return svg
    }

    static func panel(_ figure: Figure, offset: Double) -> String {
        func p(_ point: Figure.Point) -> String { "\(number(point.x + offset)) \(number(point.y))" }
        func line(_ a: Figure.Point, _ b: Figure.Point, extra: String = "") -> String { "<path d=\"M\(p(a)) L\(p(b))\"\(extra)/>" }
        var out = ""
        if figure.floor { out += "<path d=\"M\(number(offset + 4)) 111 L\(number(offset + panelWidth - 4)) 111\" stroke=\"#8795a3\" stroke-width=\"2\"/>" }
        for prop in figure.props {
            switch prop {
            case .line(let a, let b): out += line(a, b, extra: " stroke=\"#5b6775\"")
            case .box(let origin, let width, let height, let rounded):
                out += "<rect x=\"\(number(origin.x + offset))\" y=\"\(number(origin.y))\" width=\"\(number(width))\" height=\"\(number(height))\""
                    + (rounded ? " rx=\"5\"" : "") + " stroke=\"#5b6775\" stroke-width=\"2\" fill=\"#e3e9ef\"/>"
            case .dot(let centre, let radius):
                out += "<circle cx=\"\(number(centre.x + offset))\" cy=\"\(number(centre.y))\" r=\"\(number(radius))\" stroke=\"#5b6775\" stroke-width=\"2\"/>"
            case .arrow(let a, let b):
                let dx = b.x - a.x, dy = b.y - a.y
                let length = max((dx * dx + dy * dy).squareRoot(), 1)
                let ux = dx / length, uy = dy / length
                let left = Figure.Point(b.x - 7 * ux + 4 * uy, b.y - 7 * uy - 4 * ux), right = Figure.Point(b.x - 7 * ux - 4 * uy, b.y - 7 * uy + 4 * ux)
                out += "<path d=\"M\(p(a)) L\(p(b)) M\(p(left)) L\(p(b)) L\(p(right))\" stroke=\"#205e8a\" stroke-width=\"2\"/>"
            }
        }
        // Far-side limbs first and lighter, so the near side reads on top.
        if let farElbow = figure.farElbow, let farHand = figure.farHand {
            out += "<path d=\"M\(p(figure.shoulder)) L\(p(farElbow)) L\(p(farHand))\" stroke=\"#8795a3\"/>"
        }
        if let farKnee = figure.farKnee, let farFoot = figure.farFoot {
            out += "<path d=\"M\(p(figure.hip)) L\(p(farKnee)) L\(p(farFoot))\" stroke=\"#8795a3\"/>"
        }
        // The back bows along the normal of the shoulder-hip line, so a bend reads the same at any angle.
        let dx = figure.hip.x - figure.shoulder.x, dy = figure.hip.y - figure.shoulder.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        let middle = Figure.Point((figure.shoulder.x + figure.hip.x) / 2 - dy / length * figure.spineBend * 2,
                                  (figure.shoulder.y + figure.hip.y) / 2 + dx / length * figure.spineBend * 2)
        out += "<path d=\"M\(p(figure.shoulder)) Q\(p(middle)) \(p(figure.hip))\"/>"
        out += "<path d=\"M\(p(figure.shoulder)) L\(p(figure.elbow)) L\(p(figure.hand))\"/>"
        out += "<path d=\"M\(p(figure.hip)) L\(p(figure.knee)) L\(p(figure.foot))\"/>"
        // The head last, filled, so limbs passing behind it stay behind it.
        out += line(figure.shoulder, figure.head)
        out += "<circle cx=\"\(number(figure.head.x + offset))\" cy=\"\(number(figure.head.y))\" r=\"9\" fill=\"#fff\"/>"
        return out
    }

    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
