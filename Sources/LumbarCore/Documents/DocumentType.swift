/// The kinds of file a client's record may hold, told apart by their first bytes alone: a name or a browser's
/// Content-Type is whatever the sender chose, so neither is read.
public enum DocumentType: String, Sendable, CaseIterable {
    case pdf, jpeg, png

    /// The media type the file is served and exported as.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// What a front desk calls it.
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .jpeg: "JPEG picture"
        case .png: "PNG picture"
        }
    }

    static let pdfMagic: [UInt8] = Array("%PDF-".utf8)
    static let jpegMagic: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The type whose signature the bytes begin with, or nil. The signature must be at the very start: a file that
    /// begins with anything else (HTML, SVG, a script with "%PDF-" further in) is none of these.
    public static func sniff(_ bytes: some Collection<UInt8>) -> DocumentType? {
        if bytes.starts(with: pngMagic) { return .png }
        if bytes.starts(with: jpegMagic) { return .jpeg }
        // "%PDF-" then a version digit, as every PDF writer puts it.
        if bytes.starts(with: pdfMagic), let digit = bytes.dropFirst(pdfMagic.count).first, (0x31...0x32).contains(digit) { return .pdf }
        return nil
    }
}
