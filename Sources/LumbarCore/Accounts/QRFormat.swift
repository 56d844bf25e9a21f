/// The BCH-protected format information (level and mask, ISO/IEC 18004 §7.9) and version information (§7.10).
enum QRFormat {
    /// The 15 format bits, most significant first as bit 14: level and mask, BCH(15,5), masked with 101010000010010.
    static func formatBits(level: QRCode.Level, mask: Int) -> Int {
        let data = level.formatCode << 3 | mask
        return (data << 10 | remainder(data << 10, generator: 0b101_0011_0111, degree: 10)) ^ 0b101_0100_0001_0010
    }

    /// The 18 version bits for versions 7 and up: the version number and its BCH(18,6) check bits.
    static func versionBits(_ version: Int) -> Int {
        version << 12 | remainder(version << 12, generator: 0b1_1111_0010_0101, degree: 12)
    }

    private static func remainder(_ value: Int, generator: Int, degree: Int) -> Int {
        var value = value
        var bit = Int.bitWidth - 1 - value.leadingZeroBitCount
        while bit >= degree {
            if value >> bit & 1 == 1 { value ^= generator << (bit - degree) }
            bit -= 1
        }
        return value
    }
}
