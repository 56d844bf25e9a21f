/// A file name as the sender's computer wrote it, made safe to show and to put in a download's header.
public enum DocumentName {
    /// Longest name kept, in characters; the rest is cut from the middle so the extension survives.
    public static let limit = 120

    /// The last path component, without control or bidirectional-override characters, squeezed spaces, at most
    /// `limit` characters; "document" when nothing is left.
    public static func sanitised(_ raw: String) -> String {
        // Browsers send only the name, but old ones sent "C:\\Users\\...\\scan.pdf".
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var kept = ""
        var lastWasSpace = true
        for scalar in last.unicodeScalars {
            if isHidden(scalar) { continue }
            let space = scalar.properties.isWhitespace
            if space {
                if !lastWasSpace { kept.unicodeScalars.append(" ") }
            } else {
                kept.unicodeScalars.append(scalar)
            }
            lastWasSpace = space
        }
        // A leading dot hides a file on the reader's computer; trailing dots and spaces are dropped by Windows.
        while kept.last == " " || kept.last == "." { kept.removeLast() }
        while kept.first == " " || kept.first == "." { kept.removeFirst() }
        if kept.count > limit {
            let tail = kept.suffix(20)
            kept = String(kept.prefix(limit - 21)) + "…" + tail
        }
        return kept.isEmpty ? "document" : kept
    }

    /// Control characters, and the format characters that reorder text (a name "gpj.exe" shown as "exe.jpg").
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse: true
        default: false
        }
    }
}
