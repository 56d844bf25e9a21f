/// How the program is going over a run of days: the latest entry per day, counted, with the pain trend. Shown to the
/// client and the therapist, and the words that go into the next visit note's Subjective.
public struct Adherence: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public let day: LocalDate
        public let done: ProgramLog.Done?
        public let pain: Int?
    }

    public let days: [Day]

    /// `logs` in any order; later entries for a day replace earlier ones.
    public init(_ logs: [ProgramLog], through last: LocalDate, days count: Int) {
        var latest: [LocalDate: ProgramLog] = [:]
        for log in logs.sorted(by: { $0.at < $1.at }) { latest[log.day] = log }
        days = (0..<count).map { offset in
            let day = last.adding(days: offset - count + 1)
            return Day(day: day, done: latest[day]?.done, pain: latest[day]?.pain)
        }
    }

    public func count(_ done: ProgramLog.Done) -> Int { days.filter { $0.done == done }.count }
    public var logged: Int { days.filter { $0.done != nil }.count }

    /// "Over the last 7 days: did it all on 4, some on 1, none on 1, no entry on 1. Pain 6 → 4 (0–10)."
    public var summary: String {
        guard logged > 0 else { return "Nothing logged in the last \(days.count) days." }
        var text = "Over the last \(days.count) days: did it all on \(count(.yes)), some on \(count(.partly)), none on \(count(.no))"
        let missing = days.count - logged
        text += missing > 0 ? ", no entry on \(missing)." : "."
        let pains = days.compactMap(\.pain)
        if let first = pains.first, let last = pains.last { text += pains.count > 1 ? " Pain \(first) → \(last) (0–10)." : " Pain \(first) (0–10)." }
        return text
    }
}
