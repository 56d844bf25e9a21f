/// Lists bookable start times. Pure: the caller supplies hours, bookings, the zone's rules and the current instant.
/// Hours are wall-clock in the location's zone, so on daylight-saving days slots keep their local times.
public struct AvailabilityEngine: Sendable {
    public let zone: any ZoneRules

    public init(zone: any ZoneRules) { self.zone = zone }

    /// Every (start, therapist) pair that can be booked, ordered by start then by the therapists' given order.
    public func slots(_ request: AvailabilityRequest) -> [Slot] {
        let limits = Limits(request)
        // Each slot with its therapist's position, so the final order compares integers rather than looking up ids.
        var slots: [(slot: Slot, therapist: Int)] = []
        for (position, therapist) in request.therapists.enumerated() {
            let busy = Self.busy(request, therapist.id, therapist.hours)
            var day = request.from
            while day <= request.through {
                let clock = DayClock(date: day, zone: zone)
                for span in therapist.hours.open(on: day.weekdayIndex) {
                    guard let closing = clock.instant(span.end.minutes) else { continue }
                    var minute = span.start.minutes
                    while minute + request.service.minutes <= span.end.minutes {
                        if let start = clock.instant(minute),
                           case .success(let slot) = candidate(start, closing: closing, therapistId: therapist.id, request, limits, busy) {
                            slots.append((slot, position))
                        }
                        minute += request.rules.slotStepMinutes
                    }
                }
                day = day.adding(days: 1)
            }
        }
        return slots.sorted { ($0.slot.start.milliseconds, $0.therapist) < ($1.slot.start.milliseconds, $1.therapist) }.map(\.slot)
    }

    /// One slot per start time, taking the first therapist (in the given order) who is free: the "anyone" view. Each
    /// day's start times are tried in order and, at each, the therapists who work then in turn until one fits, rather
    /// than working out every therapist's every slot and keeping the first of each time.
    public func firstAvailable(_ request: AvailabilityRequest) -> [Slot] {
        let limits = Limits(request)
        let rooms = Self.roomIndexes(request)
        var indexes = [BusyIndex?](repeating: nil, count: request.therapists.count)
        var slots: [Slot] = []
        var day = request.from
        while day <= request.through {
            let clock = DayClock(date: day, zone: zone)
            // Who offers each start minute of the day (in the therapists' order), and when that stretch of hours ends.
            var offers: [Int: [(therapist: Int, closing: Int)]] = [:]
            for (position, therapist) in request.therapists.enumerated() {
                for span in therapist.hours.open(on: day.weekdayIndex) {
                    var minute = span.start.minutes
                    while minute + request.service.minutes <= span.end.minutes {
                        offers[minute, default: []].append((position, span.end.minutes))
                        minute += request.rules.slotStepMinutes
                    }
                }
            }
            for minute in offers.keys.sorted() {
                guard let start = clock.instant(minute) else { continue }
                for offer in offers[minute] ?? [] {
                    guard let closing = clock.instant(offer.closing) else { continue }
                    let therapist = request.therapists[offer.therapist]
                    let busy = indexes[offer.therapist] ?? Self.therapistIndex(request, therapist.id, therapist.hours)
                    indexes[offer.therapist] = busy
                    if case .success(let slot) = candidate(start, closing: closing, therapistId: therapist.id, request, limits, (busy, rooms)) {
                        slots.append(slot)
                        break
                    }
                }
            }
            day = day.adding(days: 1)
        }
        return slots.sorted { $0.start < $1.start }
    }

    /// The booking at `start` if it fits by the same rules that produce slots (any minute, not only the slot grid), or
    /// why not. Staff bookings pass `enforceNotice: false`: notice and horizon are limits for clients booking online;
    /// a start in the past is refused either way.
    public func check(_ request: AvailabilityRequest, start: Instant, therapistId: String, enforceNotice: Bool = true) -> Result<Slot, BookingRefusal> {
        let limits = Limits(request, enforceNotice: enforceNotice)
        if let refusal = limits.refusal(start) { return .failure(refusal) }
        guard let therapist = request.therapists.first(where: { $0.id == therapistId }) else { return .failure(.noHoursHere) }
        let local = zone.local(start)
        guard zone.instant(local) == start else { return .failure(.clockChange) }
        let weekday = local.date.weekdayIndex
        guard !therapist.hours.days[weekday].isEmpty else { return .failure(.dayOff) }
        let from = local.time.minutes, until = from + request.service.minutes
        let holds = { (span: WeeklyHours.Span) in span.start.minutes <= from && until <= span.end.minutes }
        guard let span = therapist.hours.open(on: weekday).first(where: holds) else {
            return .failure(therapist.hours.days[weekday].contains(where: holds) ? .duringBreak : .outsideHours)
        }
        let end = start.adding(seconds: Int64(request.service.minutes) * 60)
        guard let closing = DayClock(date: local.date, zone: zone).instant(span.end.minutes), end <= closing else { return .failure(.outsideHours) }
        let occupied = TimeRange(start: start, end: end.adding(seconds: Int64(request.service.bufferMinutes) * 60))
        // Time off sits in the same busy index as appointments; asked first so the cause is "away", not "booked".
        if therapist.hours.timeOff.contains(where: { $0.overlaps(occupied) }) { return .failure(.timeOff) }
        return candidate(start, closing: closing, therapistId: therapistId, request, limits, Self.busy(request, therapistId, therapist.hours))
    }

    public func fit(_ request: AvailabilityRequest, start: Instant, therapistId: String, enforceNotice: Bool = true) -> Slot? {
        try? check(request, start: start, therapistId: therapistId, enforceNotice: enforceNotice).get()
    }

    public func fits(_ request: AvailabilityRequest, start: Instant, therapistId: String, enforceNotice: Bool = true) -> Bool {
        fit(request, start: start, therapistId: therapistId, enforceNotice: enforceNotice) != nil
    }

    /// The earliest and latest start the booking rules allow; never earlier than now.
    struct Limits {
        let now: Instant
        let earliest: Instant
        let latest: Instant

        init(_ request: AvailabilityRequest, enforceNotice: Bool = true) {
            now = request.now
            earliest = enforceNotice ? request.now.adding(seconds: Int64(request.rules.minimumNoticeMinutes) * 60) : request.now
            latest = enforceNotice ? request.now.adding(seconds: Int64(request.rules.maximumAdvanceDays) * 86_400) : Instant(milliseconds: .max)
        }

        func refusal(_ start: Instant) -> BookingRefusal? {
            if start < now { return .inPast }
            if start < earliest { return .tooLittleNotice }
            if start > latest { return .beyondHorizon }
            return nil
        }
    }

    /// The one check behind both listing and booking: inside the limits, ending by closing, clear of the
    /// therapist's taken time (appointments with buffers, time off) and, where rooms are booked, with a room free.
    private func candidate(_ start: Instant, closing: Instant, therapistId: String, _ request: AvailabilityRequest,
                           _ limits: Limits, _ busy: (therapist: BusyIndex, rooms: [(id: String, busy: BusyIndex)])) -> Result<Slot, BookingRefusal> {
        let end = start.adding(seconds: Int64(request.service.minutes) * 60)
        if let refusal = limits.refusal(start) { return .failure(refusal) }
        guard end <= closing else { return .failure(.outsideHours) }
        let occupied = TimeRange(start: start, end: end.adding(seconds: Int64(request.service.bufferMinutes) * 60))
        guard busy.therapist.isFree(occupied) else { return .failure(.therapistTaken) }
        let room = busy.rooms.first { $0.busy.isFree(occupied) }?.id
        if !request.rooms.isEmpty && room == nil { return .failure(.roomTaken) }
        return .success(Slot(start: start, end: end, therapistId: therapistId, roomId: room))
    }

    private static func busy(_ request: AvailabilityRequest, _ therapistId: String, _ hours: WeeklyHours)
        -> (therapist: BusyIndex, rooms: [(id: String, busy: BusyIndex)]) {
        (therapistIndex(request, therapistId, hours), roomIndexes(request))
    }

    private static func therapistIndex(_ request: AvailabilityRequest, _ therapistId: String, _ hours: WeeklyHours) -> BusyIndex {
        BusyIndex(request.booked.filter { $0.therapistId == therapistId }.map(\.occupied) + hours.timeOff)
    }

    private static func roomIndexes(_ request: AvailabilityRequest) -> [(id: String, busy: BusyIndex)] {
        request.rooms.map { room in (room, BusyIndex(request.booked.filter { $0.roomId == room }.map(\.occupied))) }
    }

}
