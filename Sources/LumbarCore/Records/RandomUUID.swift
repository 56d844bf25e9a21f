/// Version 4 UUIDs in lower case, the form every record and request id takes. Foundation's `UUID()` opens, reads and
/// closes /dev/urandom on Linux for each one (four system calls, several per booking); the system generator used here
/// asks the kernel for its bytes through getrandom.
public enum RandomUUID {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(high: generator.next(), low: generator.next())
    }

    /// The UUID of these 128 bits, with the version (4) and variant (RFC 4122) bits set over them.
    static func make(high: UInt64, low: UInt64) -> String {
        let high = (high & ~0xF000) | 0x4000
        let low = (low & ~(0xC << 60)) | (0x8 << 60)
        return String(unsafeUninitializedCapacity: 36) { text in
            var at = 0
            for nibble in 0..<32 {
                // 8-4-4-4-12 hex digits.
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    text[at] = UInt8(ascii: "-")
                    at += 1
                }
                let word = nibble < 16 ? high : low
                text[at] = digits[Int((word >> UInt64(60 - 4 * (nibble % 16))) & 0xF)]
                at += 1
            }
            return at
        }
    }
}
