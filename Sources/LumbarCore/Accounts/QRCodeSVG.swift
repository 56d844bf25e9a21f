/// A QR code drawn as SVG: one path of the dark modules on a white square with the four-module quiet zone.
public struct QRCodeSVG: Sendable {
    public static let quietZone = 4
    /// Modules along a side, quiet zone included: the viewBox's width and height.
    public let extent: Int
    /// Path data: one rectangle per horizontal run of dark modules, in module units.
    public let path: String

    public init(_ code: QRCode) {
        extent = code.size + 2 * Self.quietZone
        var path = ""
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < code.size && code.isDark(x: x, y: y) { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        self.path = path
    }

    /// A whole `<svg>` element, `pixels` wide, that screen readers announce as an image named `label`.
    public func markup(label: String, pixels: Int = 220) -> String {
        let name = Self.escaped(label)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(extent) \(extent)" width="\(pixels)" height="\(pixels)" \
            role="img" aria-label="\(name)" shape-rendering="crispEdges"><title>\(name)</title>\
            <rect width="\(extent)" height="\(extent)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
