/// A therapist's working pattern at one location: hours and breaks per weekday (wall-clock, so daylight saving
/// never moves them), plus dated time off (instants).
public struct WeeklyHours: Sendable, Equatable {
    /// A wall-clock span within one day, [start, end).
    public struct Span: Sendable, Hashable {
        public let start: WallTime
        public let end: WallTime

        public init?(start: WallTime, end: WallTime) {
            guard start < end else { return nil }
            self.start = start
            self.end = end
        }
    }

    /// Index 0 is Monday … 6 is Sunday.
    public var days: [[Span]]
    public var breaks: [[Span]]
    public var timeOff: [TimeRange]

    public init(days: [[Span]] = Array(repeating: [], count: 7), breaks: [[Span]] = Array(repeating: [], count: 7), timeOff: [TimeRange] = []) {
        precondition(days.count == 7 && breaks.count == 7)
        self.days = days
        self.breaks = breaks
        self.timeOff = timeOff
    }

    /// Working spans on a weekday with its breaks cut out, in order.
    public func open(on weekday: Int) -> [Span] {
        var result: [Span] = []
        for span in days[weekday].sorted(by: { $0.start < $1.start }) {
            var pieces = [span]
            for cut in breaks[weekday] {
                pieces = pieces.flatMap { piece -> [Span] in
                    guard cut.start < piece.end && piece.start < cut.end else { return [piece] }
                    return [Span(start: piece.start, end: cut.start), Span(start: cut.end, end: piece.end)].compactMap { $0 }
                }
            }
            result += pieces
        }
        return result
    }
}
