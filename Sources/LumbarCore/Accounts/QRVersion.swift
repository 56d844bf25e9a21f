/// One of the forty QR Code sizes: its modules, and how its codewords split into data and error correction.
struct QRVersion: Sendable, Equatable {
    static let numbers = 1...40
    let number: Int

    init(_ number: Int) {
        precondition(Self.numbers.contains(number), "QR Code versions are 1-40")
        self.number = number
    }

    /// Modules along a side.
    var size: Int { 17 + 4 * number }

    /// Bits of the byte-mode character count (ISO/IEC 18004 table 3).
    var characterCountBits: Int { number < 10 ? 8 : 16 }

    /// Centres of the alignment patterns along either axis (table E.1): from 6 to size − 7, evenly spaced by an even step.
    var alignmentCentres: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let last = size - 7
        let step = number == 32 ? 26 : ((last - 6 + (count - 1) * 2 - 1) / ((count - 1) * 2)) * 2
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }

    /// Codewords the symbol holds: modules left after the function patterns, format and version areas, in bytes.
    var totalCodewords: Int {
        let centres = alignmentCentres.count
        let alignment = centres == 0 ? 0 : 25 * (centres * centres - 3) - 10 * (centres - 2)
        let modules = size * size - 3 * 64 - 2 * (size - 16) - alignment - 31 - (number >= 7 ? 36 : 0)
        return modules / 8
    }

    func errorCorrectionPerBlock(_ level: QRCode.Level) -> Int { Self.errorCorrectionPerBlock[level.tableRow][number - 1] }
    func blocks(_ level: QRCode.Level) -> Int { Self.blocks[level.tableRow][number - 1] }
    func dataCodewords(_ level: QRCode.Level) -> Int { totalCodewords - errorCorrectionPerBlock(level) * blocks(level) }

    /// The longest byte-mode message this version holds at `level`.
    func byteCapacity(_ level: QRCode.Level) -> Int { (dataCodewords(level) * 8 - 4 - characterCountBits) / 8 }

    // ISO/IEC 18004 table 9, by level (L, M, Q, H) then version 1-40.
    private static let errorCorrectionPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    private static let blocks: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}
