/// The staff calendar laid out as a time grid: for each day and column (a therapist, or a room), what fills the shown
/// hours, in time order: appointments, free times to book, breaks, time off, time outside the hours. Each entry is
/// placed in rows of five minutes counted from the day's first shown instant, so a daylight-saving day has 23 or 25
/// hours of rows and an appointment's height is its real length. Pure: the caller gathers hours and appointments.
public struct CalendarGrid: Sendable {
    /// Minutes per row of the grid.
    public static let rowMinutes = 5

    /// What an entry is.
    public enum Kind: Sendable, Equatable {
        /// `Input.appointments[index]`.
        case appointment(Int)
        /// A start time the therapist can take, one slot step long.
        case free
        case breakTime
        case timeOff
        /// Outside the therapist's hours that day.
        case closed
        /// Inside the hours but not bookable: turnover after an appointment, a part-step left over, time already past,
        /// or a room column's empty time.
        case gap
    }

    /// One block of a column: [start, end), in rows `row ..< row + span` (1-based, as CSS grid lines count).
    public struct Entry: Sendable, Equatable {
        public let kind: Kind
        public let start: Instant
        public let end: Instant
        public let row: Int
        public let span: Int
    }

    /// An hour line: the wall-clock time it stands for and its row.
    public struct HourMark: Sendable, Equatable {
        public let time: WallTime
        public let row: Int
    }

    public struct Day: Sendable {
        public let date: LocalDate
        /// The first and last shown instants.
        public let start: Instant
        public let end: Instant
        public let rows: Int
        public let hours: [HourMark]
        /// One list per column, in `Input.columns` order. Entries other than cancelled appointments tile the day.
        public let lanes: [[Entry]]
        /// The row the current time falls in, when it falls in this day's shown hours.
        public let nowRow: Int?
    }

    /// A column: a therapist (with their hours at this location) or a room (no hours).
    public struct Column: Sendable {
        public let id: String
        public let hours: WeeklyHours?

        public init(id: String, hours: WeeklyHours?) {
            self.id = id
            self.hours = hours
        }
    }

    public struct Input: Sendable {
        public var days: [LocalDate]
        public var columns: [Column]
        /// Whether the columns are rooms (appointments are then placed by room, and no free times are offered).
        public var byRoom: Bool
        /// Every appointment to show, any status; those that free their time are drawn only when `showCancelled`.
        public var appointments: [Appointment]
        public var showCancelled: Bool
        /// What free times are worked out from: the engine's request for these days (hours, taken time at every
        /// location, rooms) and the length of the shortest visit that could be booked in them.
        public var availability: AvailabilityRequest

        public init(days: [LocalDate], columns: [Column], byRoom: Bool, appointments: [Appointment], showCancelled: Bool,
                    availability: AvailabilityRequest) {
            self.days = days
            self.columns = columns
            self.byRoom = byRoom
            self.appointments = appointments
            self.showCancelled = showCancelled
            self.availability = availability
        }
    }

    public let days: [Day]
    /// The shown wall-clock hours, the same every day: from the earliest start to the latest end (8:00–20:00 when
    /// nobody works and nothing is booked).
    public let firstMinute: Int
    public let lastMinute: Int

    public init(_ input: Input, zone: any ZoneRules) {
        let range = Self.shownMinutes(input, zone: zone)
        firstMinute = range.first
        lastMinute = range.last
        // Free times: every start the engine accepts for the request's service (the clinic's shortest), per therapist,
        // so a gap too short for any visit is not offered.
        var request = input.availability
        if let first = input.days.first, let last = input.days.last {
            request.from = first
            request.through = last
        }
        let hoursById = Dictionary(input.columns.compactMap { column in column.hours.map { (column.id, $0) } }, uniquingKeysWith: { a, _ in a })
        request.therapists = request.therapists.filter { hoursById[$0.id] != nil }
        var freeByTherapist: [String: [Instant]] = [:]
        if !input.byRoom {
            for slot in AvailabilityEngine(zone: zone).slots(request) { freeByTherapist[slot.therapistId, default: []].append(slot.start) }
        }
        let step = Int64(request.rules.slotStepMinutes) * 60_000
        var byDayAndColumn: [Int: [Int: [Int]]] = [:]
        let dayIndex = Dictionary(input.days.enumerated().map { ($1.daysSinceEpoch, $0) }, uniquingKeysWith: { a, _ in a })
        let columnIndex = Dictionary(input.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, appointment) in input.appointments.enumerated() where input.showCancelled || appointment.status.holdsTime || appointment.status == .lateCancelled {
            guard let key = input.byRoom ? appointment.roomId : appointment.therapistId, let column = columnIndex[key],
                  let day = dayIndex[zone.local(appointment.start).date.daysSinceEpoch] else { continue }
            byDayAndColumn[day, default: [:]][column, default: []].append(index)
        }
        days = input.days.enumerated().map { position, date in
            let clock = DayClock(date: date, zone: zone)
            let start = Self.existing(clock, range.first, forward: true)
            let end = max(start, Self.existing(clock, range.last, forward: false))
            let rows = Int((end.milliseconds - start.milliseconds) / 60_000) / Self.rowMinutes
            var hours: [HourMark] = []
            var mark = start
            while mark < end {
                hours.append(HourMark(time: zone.local(mark).time, row: Self.row(mark, from: start)))
                mark = mark.adding(seconds: 3600)
            }
            let lanes = input.columns.enumerated().map { column, info in
                Self.lane(day: date, clock: clock, start: start, end: end, hours: info.hours,
                          appointments: (byDayAndColumn[position]?[column] ?? []).map { ($0, input.appointments[$0]) },
                          free: freeByTherapist[info.id] ?? [], step: step)
            }
            let now = input.availability.now
            return Day(date: date, start: start, end: end, rows: rows, hours: hours, lanes: lanes,
                       nowRow: start <= now && now < end ? Self.row(now, from: start) : nil)
        }
    }

    /// The grid row an instant falls in, counted from `start` (row 1).
    public static func row(_ instant: Instant, from start: Instant) -> Int {
        1 + Int((instant.milliseconds - start.milliseconds).floorDivided(by: Int64(rowMinutes) * 60_000))
    }

    /// Earliest start and latest end of the hours worked on the shown days (and of what is booked), on whole hours.
    static func shownMinutes(_ input: Input, zone: any ZoneRules) -> (first: Int, last: Int) {
        var first = Int.max, last = Int.min
        let shown = Set(input.days.map(\.daysSinceEpoch))
        for column in input.columns {
            guard let hours = column.hours else { continue }
            for date in input.days {
                for span in hours.days[date.weekdayIndex] {
                    first = min(first, span.start.minutes)
                    last = max(last, span.end.minutes)
                }
            }
        }
        for appointment in input.appointments {
            let local = zone.local(appointment.start)
            guard shown.contains(local.date.daysSinceEpoch) else { continue }
            let minutes = Int((appointment.end.milliseconds - appointment.start.milliseconds) / 60_000)
            first = min(first, local.time.minutes)
            last = max(last, min(1440, local.time.minutes + minutes))
        }
        if first >= last { return (8 * 60, 20 * 60) }
        return (first / 60 * 60, min(1440, (last + 59) / 60 * 60))
    }

    /// The instant of a wall-clock minute of the day; a minute the clocks skip moves to the nearest one that exists.
    static func existing(_ clock: DayClock, _ minute: Int, forward: Bool) -> Instant {
        var probe = minute
        while true {
            if let instant = clock.instant(probe) { return instant }
            probe += forward ? 15 : -15
            if probe < 0 || probe > 1440 { return clock.instant(forward ? 1440 : 0) ?? Instant(milliseconds: 0) }
        }
    }

    /// One column's day: appointments and free times in front, and what is left tiled by why it is not bookable.
    static func lane(day: LocalDate, clock: DayClock, start: Instant, end: Instant, hours: WeeklyHours?, appointments: [(Int, Appointment)],
                     free: [Instant], step: Int64) -> [Entry] {
        var front: [(kind: Kind, start: Instant, end: Instant)] = []
        var ghosts: [Entry] = []
        for (index, appointment) in appointments {
            let from = max(appointment.start, start), until = min(max(appointment.end, appointment.start), end)
            if appointment.status.holdsTime {
                front.append((.appointment(index), from, max(from, until)))
            } else {
                ghosts.append(entry(.appointment(index), from, max(from, until), start, minimumSpan: 1))
            }
        }
        for slot in free where start <= slot && slot.milliseconds + step <= end.milliseconds {
            let until = Instant(milliseconds: slot.milliseconds + step)
            // A free step never lies under an appointment (the engine counts it taken), but the shown block of an
            // appointment booked outside the engine's view (another location's) is checked again here.
            if !front.contains(where: { $0.start < until && slot < $0.end }) { front.append((.free, slot, until)) }
        }
        front.sort { $0.start < $1.start }
        // What the hours say each moment is, for the time between the front entries.
        var working: [TimeRange] = [], breaks: [TimeRange] = [], away: [TimeRange] = []
        if let hours {
            func ranges(_ spans: [WeeklyHours.Span]) -> [TimeRange] {
                spans.compactMap { span in
                    let a = existing(clock, span.start.minutes, forward: true), b = existing(clock, span.end.minutes, forward: false)
                    return a < b ? TimeRange(start: a, end: b) : nil
                }
            }
            working = ranges(hours.days[day.weekdayIndex])
            breaks = ranges(hours.breaks[day.weekdayIndex])
            away = hours.timeOff.filter { $0.start < end && start < $0.end }
        }
        let edges = (working + breaks + away).flatMap { [$0.start, $0.end] }
        func background(_ at: Instant) -> Kind {
            guard hours != nil else { return .gap }
            let inside = { (range: TimeRange) in range.start <= at && at < range.end }
            if away.contains(where: inside) { return .timeOff }
            guard working.contains(where: inside) else { return .closed }
            return breaks.contains(where: inside) ? .breakTime : .gap
        }
        var entries: [Entry] = []
        /// Tiles [a, b) by the hours: cut where they change, one entry per stretch of the same kind.
        func fill(_ a: Instant, _ b: Instant) {
            let cuts = [a] + Array(Set(edges.filter { a < $0 && $0 < b })).sorted() + [b]
            var stretch: (kind: Kind, start: Instant)?
            for (from, until) in zip(cuts, cuts.dropFirst()) {
                let kind = background(from)
                if let open = stretch, open.kind != kind {
                    entries.append(entry(open.kind, open.start, from, start, minimumSpan: 0))
                    stretch = (kind, from)
                } else if stretch == nil {
                    stretch = (kind, from)
                }
                if until == b, let open = stretch { entries.append(entry(open.kind, open.start, b, start, minimumSpan: 0)) }
            }
        }
        var cursor = start
        for item in front {
            if cursor < item.start { fill(cursor, item.start) }
            // An appointment always shows (each exactly once), even over another; a free time only where nothing is.
            if case .appointment = item.kind {
                entries.append(entry(item.kind, item.start, item.end, start, minimumSpan: 1))
            } else if cursor <= item.start {
                entries.append(entry(item.kind, item.start, item.end, start, minimumSpan: 1))
            } else {
                continue
            }
            cursor = max(cursor, item.end)
        }
        if cursor < end { fill(cursor, end) }
        // Cancelled appointments are drawn over the day, after whatever starts with them.
        let tiled = entries.filter { $0.span > 0 }.map { ($0, false) } + ghosts.map { ($0, true) }
        return tiled.sorted { ($0.0.start, $0.1 ? 1 : 0) < ($1.0.start, $1.1 ? 1 : 0) }.map(\.0)
    }

    static func entry(_ kind: Kind, _ from: Instant, _ until: Instant, _ start: Instant, minimumSpan: Int) -> Entry {
        let row = Self.row(from, from: start)
        return Entry(kind: kind, start: from, end: until, row: row, span: max(minimumSpan, Self.row(until, from: start) - row))
    }
}

extension CalendarGrid.Entry {
    /// Its length in minutes.
    public var minutes: Int { Int((end.milliseconds - start.milliseconds) / 60_000) }
}
