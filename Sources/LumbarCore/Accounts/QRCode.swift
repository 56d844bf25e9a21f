/// A QR Code (ISO/IEC 18004) of some bytes in byte mode: the smallest version that holds them, the mask scoring lowest.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol can be damaged and still read: about 7 %, 15 %, 25 % and 30 %.
    public enum Level: String, Sendable, CaseIterable {
        case low = "L", medium = "M", quartile = "Q", high = "H"

        /// The two level bits of the format information.
        var formatCode: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }

        var tableRow: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }

    public enum EncodingError: Error, Equatable {
        /// More bytes than version 40 holds at that level.
        case tooLong(bytes: Int, limit: Int)
    }

    public let version: Int
    public let level: Level
    public let mask: Int
    /// Modules along a side, without the quiet zone.
    public let size: Int
    private let modules: [Bool]

    /// `mask` forces one of the eight masks (0-7); by default every one is tried and the lowest penalty wins.
    public init(bytes: [UInt8], level: Level = .medium, mask: Int? = nil) throws {
        guard let version = QRVersion.numbers.lazy.map(QRVersion.init).first(where: { $0.byteCapacity(level) >= bytes.count }) else {
            throw EncodingError.tooLong(bytes: bytes.count, limit: QRVersion(40).byteCapacity(level))
        }
        precondition(mask.map { (0..<8).contains($0) } ?? true, "QR Code masks are 0-7")
        var blank = QRMatrix(version: version)
        blank.place(Self.codewords(Self.dataCodewords(bytes, version: version, level: level), version: version, level: level))
        var best: (mask: Int, matrix: QRMatrix, penalty: Int)?
        for candidate in mask.map({ [$0] }) ?? Array(0..<8) {
            var matrix = blank.masked(candidate)
            matrix.drawFormat(level: level, mask: candidate)
            let penalty = matrix.penalty
            if best == nil || penalty < best!.penalty { best = (candidate, matrix, penalty) }
        }
        self.version = version.number
        self.level = level
        self.mask = best!.mask
        size = version.size
        modules = best!.matrix.dark
    }

    /// The text as UTF-8 bytes (which every current reader expects in byte mode).
    public static func encode(_ text: String, level: Level = .medium) throws -> QRCode {
        try QRCode(bytes: Array(text.utf8), level: level)
    }

    /// Whether the module in column `x`, row `y` (0-based from the top-left, inside the quiet zone) is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "outside the symbol")
        return modules[y * size + x]
    }

    /// Mode 0100 (byte), the count, the bytes, a terminator of up to four zero bits, zeros to a whole byte, then the
    /// pad codewords 11101100 and 00010001 in turn until the version's data capacity is full.
    static func dataCodewords(_ bytes: [UInt8], version: QRVersion, level: Level) -> [UInt8] {
        let capacity = version.dataCodewords(level)
        var bits: [Bool] = []
        bits.reserveCapacity(capacity * 8)
        func append(_ value: Int, count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append(value >> shift & 1 == 1) }
        }
        append(0b0100, count: 4)
        append(bytes.count, count: version.characterCountBits)
        for byte in bytes { append(Int(byte), count: 8) }
        append(0, count: min(4, capacity * 8 - bits.count))
        append(0, count: (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        let pads: [UInt8] = [0b1110_1100, 0b0001_0001]
        while codewords.count < capacity { codewords.append(pads[(codewords.count - bits.count / 8) % 2]) }
        return codewords
    }

    /// The data split into the version's blocks (the later blocks one codeword longer when it does not divide evenly),
    /// each given its error correction, then interleaved: the data codewords block by block, then the error correction.
    static func codewords(_ data: [UInt8], version: QRVersion, level: Level) -> [UInt8] {
        let blockCount = version.blocks(level)
        let correction = version.errorCorrectionPerBlock(level)
        let shortLength = data.count / blockCount
        let longBlocks = data.count % blockCount
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortLength + (index >= blockCount - longBlocks ? 1 : 0)
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { QRReedSolomon.remainder(of: $0, degree: correction) }
        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for index in 0...shortLength {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<correction {
            for block in corrections { result.append(block[index]) }
        }
        return result
    }
}
