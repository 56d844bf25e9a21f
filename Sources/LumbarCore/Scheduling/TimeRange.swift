/// A half-open span of instants [start, end): back-to-back appointments do not overlap.
public struct TimeRange: Sendable, Hashable, Comparable {
    public let start: Instant
    public let end: Instant

    public init(start: Instant, end: Instant) {
        precondition(start <= end, "a range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    public func contains(_ other: TimeRange) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TimeRange, rhs: TimeRange) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
