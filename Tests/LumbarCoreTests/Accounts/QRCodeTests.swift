@testable import LumbarCore
import PropertyBased
import Testing

/// The QR encoder against the standard's published tables and examples (ISO/IEC 18004); `checks/qr_decode.py`
/// adds a real reader (zxing-cpp) decoding hundreds of codes of every version and level.
@Suite struct QRCodeTests {
    // Generator polynomials as exponents of α, highest power first (ISO/IEC 18004 annex A).
    @Test func generatorPolynomialsMatchThePublishedTable() {
        let published: [Int: [Int]] = [
            7: [0, 87, 229, 146, 149, 238, 102, 21],
            10: [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45],
            13: [0, 74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78],
        ]
        for (degree, exponents) in published {
            #expect(QRReedSolomon.generator(degree: degree).map { QRReedSolomon.logarithms[Int($0)] } == exponents, "degree \(degree)")
        }
    }

    // "HELLO WORLD" at 1-M: the published data codewords and their ten error-correction codewords.
    @Test func helloWorldErrorCorrection() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(QRReedSolomon.remainder(of: data, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    static let blocks = Gen.uint8().array(of: 1...120)
    static let degrees = Gen.element(of: [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30]).map { $0! }

    @Test func everyCodewordVanishesAtTheGeneratorsRoots() async {
        await propertyCheck(count: 300, input: Self.blocks, Self.degrees) { data, degree in
            let codeword = data + QRReedSolomon.remainder(of: data, degree: degree)
            for root in 0..<degree {
                #expect(QRReedSolomon.evaluate(codeword, at: QRReedSolomon.exponents[root]) == 0)
            }
        }
    }

    // The 32 format bit strings, by level then mask (ISO/IEC 18004 table C.1).
    static let formatTable: [QRCode.Level: [String]] = [
        .low: ["111011111000100", "111001011110011", "111110110101010", "111100010011101",
               "110011000101111", "110001100011000", "110110001000001", "110100101110110"],
        .medium: ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                  "100010111111001", "100000011001110", "100111110010111", "100101010100000"],
        .quartile: ["011010101011111", "011000001101000", "011111100110001", "011101000000110",
                    "010010010110100", "010000110000011", "010111011011010", "010101111101101"],
        .high: ["001011010001001", "001001110111110", "001110011100111", "001100111010000",
                "000011101100010", "000001001010101", "000110100001100", "000100000111011"],
    ]

    @Test func formatBitsMatchTheTable() {
        for (level, strings) in Self.formatTable {
            for (mask, string) in strings.enumerated() {
                #expect(QRFormat.formatBits(level: level, mask: mask) == Int(string, radix: 2), "\(level) mask \(mask)")
            }
        }
    }

    @Test func bothFormatCopiesInTheSymbolReadBackAsItsLevelAndMask() throws {
        for level in QRCode.Level.allCases {
            for mask in 0..<8 {
                let code = try QRCode(bytes: Array("otpauth://totp/x".utf8), level: level, mask: mask)
                let n = code.size
                // Bit 14 first: row 8 left to right skipping the timing column, then column 8 upwards skipping row 6.
                let first: [(Int, Int)] = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8),
                                           (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
                // Bit 14 first: column 8 upwards from the bottom edge, then row 8 across the top-right.
                let second: [(Int, Int)] = (0..<7).map { (8, n - 1 - $0) } + (0..<8).map { (n - 8 + $0, 8) }
                for positions in [first, second] {
                    let read = String(positions.map { code.isDark(x: $0.0, y: $0.1) ? "1" : "0" })
                    #expect(read == Self.formatTable[level]![mask], "\(level) mask \(mask)")
                }
                #expect(code.isDark(x: 8, y: n - 8), "the dark module")
            }
        }
    }

    // Version information (ISO/IEC 18004 table D.1).
    @Test func versionBitsMatchTheTable() {
        let published = [7: 0x07C94, 8: 0x085BC, 9: 0x09A99, 10: 0x0A4D3, 20: 0x149A6, 40: 0x28C69]
        for (version, bits) in published { #expect(QRFormat.versionBits(version) == bits, "version \(version)") }
    }

    @Test func versionBlocksSitBesideTheFinders() throws {
        let code = try QRCode(bytes: Array(repeating: 0x41, count: 110), level: .medium)
        #expect(code.version == 7)
        let n = code.size
        for bit in 0..<18 {
            let expected = 0x07C94 >> bit & 1 == 1
            #expect(code.isDark(x: bit / 3, y: n - 11 + bit % 3) == expected)
            #expect(code.isDark(x: n - 11 + bit % 3, y: bit / 3) == expected)
        }
    }

    @Test func findersSeparatorsAndTimingPatterns() throws {
        let finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
        for text in ["a", String(repeating: "é", count: 200)] {
            let code = try QRCode.encode(text)
            let n = code.size
            for (left, top) in [(0, 0), (n - 7, 0), (0, n - 7)] {
                for y in 0..<7 {
                    #expect(String((0..<7).map { code.isDark(x: left + $0, y: top + y) ? "1" : "0" }) == finder[y])
                }
            }
            for index in 0..<8 {
                #expect(!code.isDark(x: 7, y: index) && !code.isDark(x: index, y: 7), "top-left separator")
                #expect(!code.isDark(x: n - 8, y: index) && !code.isDark(x: n - 1 - index, y: 7), "top-right separator")
                #expect(!code.isDark(x: 7, y: n - 1 - index) && !code.isDark(x: index, y: n - 8), "bottom-left separator")
            }
            for index in 8..<n - 8 {
                #expect(code.isDark(x: index, y: 6) == (index % 2 == 0))
                #expect(code.isDark(x: 6, y: index) == (index % 2 == 0))
            }
        }
    }

    // Alignment pattern centres (ISO/IEC 18004 table E.1).
    @Test func alignmentCentresMatchTheTable() {
        let published: [Int: [Int]] = [1: [], 2: [6, 18], 6: [6, 34], 7: [6, 22, 38], 14: [6, 26, 46, 66], 15: [6, 26, 48, 70],
                                       16: [6, 26, 50, 74], 22: [6, 26, 50, 74, 98], 32: [6, 34, 60, 86, 112, 138],
                                       36: [6, 24, 50, 76, 102, 128, 154], 40: [6, 30, 58, 86, 114, 142, 170]]
        for (version, centres) in published { #expect(QRVersion(version).alignmentCentres == centres, "version \(version)") }
    }

    // Total codewords (table 1) and remainder bits: the modules the matrix leaves for data, in bytes and bits.
    @Test func dataModulesMatchTheTotalCodewords() {
        let published = [1: 26, 2: 44, 3: 70, 4: 100, 5: 134, 6: 172, 7: 196, 8: 242, 9: 292, 10: 346, 20: 1085, 40: 3706]
        for (version, total) in published { #expect(QRVersion(version).totalCodewords == total, "version \(version)") }
        for number in QRVersion.numbers {
            let version = QRVersion(number)
            let matrix = QRMatrix(version: version)
            let free = (0..<version.size).reduce(0) { sum, y in sum + (0..<version.size).filter { !matrix.isReserved(x: $0, y: y) }.count }
            let remainder = switch number {
            case 2...6: 7
            case 14...20, 28...34: 3
            case 21...27: 4
            default: 0
            }
            #expect(free == version.totalCodewords * 8 + remainder, "version \(number)")
        }
    }

    // Byte-mode capacities (ISO/IEC 18004 table 7), versions 1-10 by level, and version 40.
    static let capacities: [QRCode.Level: [Int]] = [
        .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
        .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
    ]

    @Test func theSmallestVersionThatHoldsTheBytesIsChosen() throws {
        for (level, capacities) in Self.capacities {
            for (index, capacity) in capacities.enumerated() {
                #expect(try QRCode(bytes: Array(repeating: 0x61, count: capacity), level: level).version == index + 1)
                #expect(try QRCode(bytes: Array(repeating: 0x61, count: capacity + 1), level: level).version == index + 2)
            }
        }
        for (level, limit) in [(QRCode.Level.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273)] {
            #expect(try QRCode(bytes: Array(repeating: 0x61, count: limit), level: level).version == 40)
            #expect(throws: QRCode.EncodingError.tooLong(bytes: limit + 1, limit: limit)) {
                try QRCode(bytes: Array(repeating: 0x61, count: limit + 1), level: level)
            }
        }
    }

    @Test func theChosenMaskScoresLowest() throws {
        let bytes = Array("otpauth://totp/Spine%20%26%20Ease:olive%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Spine%20%26%20Ease".utf8)
        let chosen = try QRCode(bytes: bytes)
        let penalties = (0..<8).map { mask in
            var matrix = QRMatrix(version: QRVersion(chosen.version))
            matrix.place(QRCode.codewords(QRCode.dataCodewords(bytes, version: QRVersion(chosen.version), level: .medium),
                                          version: QRVersion(chosen.version), level: .medium))
            matrix = matrix.masked(mask)
            matrix.drawFormat(level: .medium, mask: mask)
            return matrix.penalty
        }
        #expect(penalties[chosen.mask] == penalties.min())
    }

    @Test func theSVGDrawsEveryDarkModuleOnceInsideTheQuietZone() throws {
        let code = try QRCode.encode("otpauth://totp/a:b?secret=AAAA")
        let svg = QRCodeSVG(code)
        #expect(svg.extent == code.size + 8)
        var drawn = Set<Int>()
        for command in svg.path.split(separator: "z") {
            // Each run is "M<x> <y>h<length>v1h-<length>".
            let numbers = command.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 5 && numbers[2] == numbers[4] && numbers[3] == 1)
            for x in numbers[0]..<numbers[0] + numbers[2] { #expect(drawn.insert((numbers[1] - 4) * code.size + x - 4).inserted) }
        }
        let dark = (0..<code.size * code.size).filter { code.isDark(x: $0 % code.size, y: $0 / code.size) }
        #expect(drawn == Set(dark))
        let markup = svg.markup(label: "Code for \"Spine & Ease\" <app>", pixels: 220)
        #expect(markup.hasPrefix("<svg ") && markup.hasSuffix("</svg>"))
        #expect(markup.contains("viewBox=\"0 0 \(svg.extent) \(svg.extent)\"") && markup.contains("shape-rendering=\"crispEdges\""))
        #expect(markup.contains("role=\"img\"") && markup.contains("<title>Code for &quot;Spine &amp; Ease&quot; &lt;app&gt;</title>"))
        #expect(markup.split(separator: "<path").count == 2)
    }
}
