/// A QR Code symbol's modules while it is drawn: function patterns first, then the data, a mask and the format bits.
struct QRMatrix: Sendable, Equatable {
    let size: Int
    private(set) var dark: [Bool]
    /// Modules of the finder, separator, timing and alignment patterns and the format and version areas: no data goes there.
    private(set) var reserved: [Bool]

    init(version: QRVersion) {
        size = version.size
        dark = Array(repeating: false, count: size * size)
        reserved = Array(repeating: false, count: size * size)
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] { drawFinder(left: left, top: top) }
        for index in 8..<size - 8 {
            set(x: index, y: 6, dark: index % 2 == 0)
            set(x: 6, y: index, dark: index % 2 == 0)
        }
        let centres = version.alignmentCentres
        for x in centres {
            // No alignment pattern where one would cover a finder: the corners other than the bottom-right.
            for y in centres where !(x == 6 && y == 6) && !(x == 6 && y == centres.last) && !(x == centres.last && y == 6) {
                drawAlignment(x: x, y: y)
            }
        }
        // Format areas beside the finders (written once the mask is chosen) and the one module always dark.
        for index in 0...8 {
            reserve(x: index, y: 8)
            reserve(x: 8, y: index)
        }
        for index in 0..<8 {
            reserve(x: size - 1 - index, y: 8)
            reserve(x: 8, y: size - 1 - index)
        }
        set(x: 8, y: size - 8, dark: true)
        if version.number >= 7 {
            let bits = QRFormat.versionBits(version.number)
            for index in 0..<18 {
                let on = bits >> index & 1 == 1
                set(x: index / 3, y: size - 11 + index % 3, dark: on)
                set(x: size - 11 + index % 3, y: index / 3, dark: on)
            }
        }
    }

    subscript(x: Int, y: Int) -> Bool { dark[y * size + x] }

    func isReserved(x: Int, y: Int) -> Bool { reserved[y * size + x] }

    /// Writes the codewords' bits, most significant first, in two-module columns zigzagging up and down from the
    /// bottom-right corner, stepping over the vertical timing pattern; modules left over stay light (remainder bits).
    mutating func place(_ codewords: [UInt8]) {
        var bit = 0
        var right = size - 1
        var upward = true
        while right > 0 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !reserved[y * size + x] {
                    let byte = bit / 8
                    dark[y * size + x] = byte < codewords.count && codewords[byte] >> (7 - bit % 8) & 1 == 1
                    bit += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    /// This matrix with data modules inverted where mask pattern `mask` (0-7, ISO/IEC 18004 table 10) holds.
    func masked(_ mask: Int) -> QRMatrix {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && Self.maskHolds(mask, x: x, y: y) {
                copy.dark[y * size + x].toggle()
            }
        }
        return copy
    }

    static func maskHolds(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Writes both copies of the 15 format bits; bit 14 is the most significant.
    mutating func drawFormat(level: QRCode.Level, mask: Int) {
        let bits = QRFormat.formatBits(level: level, mask: mask)
        func on(_ index: Int) -> Bool { bits >> index & 1 == 1 }
        // Around the top-left finder: bits 0-7 down column 8 (skipping the timing row), bits 8-14 leftwards along row 8.
        for index in 0...5 { dark[index * size + 8] = on(index) }
        dark[7 * size + 8] = on(6)
        dark[8 * size + 8] = on(7)
        dark[8 * size + 7] = on(8)
        for index in 9..<15 { dark[8 * size + 14 - index] = on(index) }
        // Split between the other two finders: bits 0-7 along row 8 from the right edge, bits 8-14 up column 8 to the bottom.
        for index in 0..<8 { dark[8 * size + size - 1 - index] = on(index) }
        for index in 8..<15 { dark[(size - 15 + index) * size + 8] = on(index) }
    }

    /// ISO/IEC 18004 §7.8.3: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1 patterns beside four light
    /// modules (the quiet zone counts as light), and the distance of the dark share from half.
    var penalty: Int {
        var score = 0
        for line in 0..<size {
            score += Self.linePenalty((0..<size).map { dark[line * size + $0] })
            score += Self.linePenalty((0..<size).map { dark[$0 * size + line] })
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = dark[y * size + x]
                if dark[y * size + x + 1] == colour && dark[(y + 1) * size + x] == colour && dark[(y + 1) * size + x + 1] == colour { score += 3 }
            }
        }
        let darkCount = dark.lazy.filter { $0 }.count
        let total = size * size
        score += 10 * (abs(darkCount * 100 - total * 50) / (total * 5))
        return score
    }

    private static let finderLike: [Bool] = [true, false, true, true, true, false, true]

    private static func linePenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        let padded = Array(repeating: false, count: 4) + line + Array(repeating: false, count: 4)
        for start in 4...(padded.count - 11) where Array(padded[start..<start + 7]) == finderLike {
            let before = padded[start - 4..<start].allSatisfy { !$0 }
            let after = padded[start + 7..<start + 11].allSatisfy { !$0 }
            if before || after { score += 40 }
        }
        return score
    }

    private mutating func set(x: Int, y: Int, dark on: Bool) {
        dark[y * size + x] = on
        reserved[y * size + x] = true
    }

    private mutating func reserve(x: Int, y: Int) { reserved[y * size + x] = true }

    /// A 7×7 finder with its light separator, clipped at the symbol's edge.
    private mutating func drawFinder(left: Int, top: Int) {
        for dy in -1...7 {
            for dx in -1...7 {
                let x = left + dx, y = top + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx - 3), abs(dy - 3))
                set(x: x, y: y, dark: ring <= 1 || ring == 3)
            }
        }
    }

    private mutating func drawAlignment(x: Int, y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(x: x + dx, y: y + dy, dark: max(abs(dx), abs(dy)) != 1) }
        }
    }
}
