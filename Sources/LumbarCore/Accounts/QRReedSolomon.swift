/// Reed-Solomon error correction over GF(256) with the QR Code field polynomial x⁸+x⁴+x³+x²+1 (0x11d), α = 2.
enum QRReedSolomon {
    /// αⁱ for i in 0..<255, repeated once so a sum of two logarithms indexes it without reduction.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11d }
        }
        return table
    }()

    /// log_α(x) for x in 1...255 (index 0 unused: zero has no logarithm).
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponents[power])] = power }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// (x − α⁰)(x − α¹)…(x − α^(degree−1)), coefficients from the highest power down (the first is always 1).
    static func generator(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for root in 0..<degree {
            let factor = exponents[root]
            var next = polynomial + [0]
            for index in 1..<next.count { next[index] ^= multiply(factor, polynomial[index - 1]) }
            polynomial = next
        }
        return polynomial
    }

    /// The `degree` error-correction codewords of `data`: the remainder of data(x)·x^degree divided by the generator.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var register = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ register[0]
            register.removeFirst()
            register.append(0)
            if factor == 0 { continue }
            for index in 0..<degree { register[index] ^= multiply(divisor[index + 1], factor) }
        }
        return register
    }

    /// The polynomial (highest power first) evaluated at x; a whole codeword gives zero at every root of the generator.
    static func evaluate(_ polynomial: [UInt8], at x: UInt8) -> UInt8 {
        polynomial.reduce(0) { multiply($0, x) ^ $1 }
    }
}
