/// A moment in UTC, stored as milliseconds since 1970 so both database engines hold it the same way.
public struct Instant: Sendable, Hashable, Comparable, Codable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public func adding(seconds: Int64) -> Instant { Instant(milliseconds: milliseconds + seconds * 1000) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The UTC calendar day.
    public var utcDate: LocalDate { LocalDate(daysSinceEpoch: Int(milliseconds.floorDivided(by: 86_400_000))) }

    /// RFC 3339 in UTC, to the second: `2026-11-24T15:04:05Z`.
    public var iso8601: String { Self.text(wall: milliseconds.floorDivided(by: 1000), offsetMinutes: 0) }

    /// RFC 3339 with the zone's UTC offset at this moment, to the second: `2026-11-24T10:04:05-05:00` (`Z` where the
    /// offset is zero). Built from the zone's wall clock rather than a date formatter, which costs far more per call.
    public func rfc3339(in zone: some ZoneRules) -> String {
        let seconds = milliseconds.floorDivided(by: 1000)
        let local = zone.local(self)
        let wall = Int64(local.date.daysSinceEpoch) * 86_400 + Int64(local.time.minutes) * 60 + (seconds - seconds.floorDivided(by: 60) * 60)
        return Self.text(wall: wall, offsetMinutes: Int(wall - seconds) / 60)
    }

    /// Reads RFC 3339 with an explicit offset or `Z` (`2026-11-25T10:00:00-05:00`, `2026-11-25T15:00:00.250Z`), so a
    /// time is never read in the wrong zone. Fractions of a second are kept to the millisecond. Anything else, including
    /// impossible dates and times, is nil. Parsed by hand: a date formatter costs more than the rest of a booking's checks.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40, let date = LocalDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = Self.number(bytes, 11..<13), let minute = Self.number(bytes, 14..<16), let second = Self.number(bytes, 17..<19),
              hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var millisecond = 0
        if bytes[index] == UInt8(ascii: ".") {
            let digits = bytes[(index + 1)...].prefix { (48...57).contains($0) }
            guard (1...9).contains(digits.count) else { return nil }
            for (place, digit) in digits.prefix(3).enumerated() { millisecond += Int(digit - 48) * [100, 10, 1][place] }
            index += 1 + digits.count
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = Self.number(bytes, (index + 1)..<(index + 3)), let minutes = Self.number(bytes, (index + 4)..<(index + 6)),
                  hours < 24, minutes < 60 else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let wall = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(milliseconds: (wall - Int64(offsetMinutes) * 60) * 1000 + Int64(millisecond))
    }

    /// The decimal number in `bytes[range]`, or nil if any of them is not a digit.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            guard (48...57).contains(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
        }
        return value
    }

    /// `YYYY-MM-DDTHH:MM:SS` for seconds since the epoch on some wall clock, then `Z` or the offset (`-05:00`). Written
    /// digit by digit into one buffer: an API answer holds hundreds of these, and string interpolation was most of it.
    private static func text(wall seconds: Int64, offsetMinutes offset: Int) -> String {
        let day = LocalDate(daysSinceEpoch: Int(seconds.floorDivided(by: 86_400)))
        let inDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        return String(unsafeUninitializedCapacity: 25) { text in
            var at = 0
            func digits(_ value: Int, _ width: Int, then separator: UInt8?) {
                var rest = value
                for place in stride(from: width - 1, through: 0, by: -1) {
                    text[at + place] = UInt8(48 + rest % 10)
                    rest /= 10
                }
                at += width
                if let separator {
                    text[at] = separator
                    at += 1
                }
            }
            digits(day.year, 4, then: UInt8(ascii: "-"))
            digits(day.month, 2, then: UInt8(ascii: "-"))
            digits(day.day, 2, then: UInt8(ascii: "T"))
            digits(inDay / 3600, 2, then: UInt8(ascii: ":"))
            digits(inDay / 60 % 60, 2, then: UInt8(ascii: ":"))
            digits(inDay % 60, 2, then: offset == 0 ? UInt8(ascii: "Z") : offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            if offset != 0 {
                digits(abs(offset) / 60, 2, then: UInt8(ascii: ":"))
                digits(abs(offset) % 60, 2, then: nil)
            }
            return at
        }
    }
}

extension Int64 {
    /// Division rounding towards minus infinity, so instants before 1970 fall on the right day.
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
