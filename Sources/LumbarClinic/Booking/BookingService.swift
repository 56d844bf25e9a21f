import LumbarCore
import LumbarZones

/// Availability and bookings: gathers hours and appointments, asks the engine, saves with the database's
/// no-overlap guarantee, and queues the emails (with calendar files) in the same transaction.
public struct BookingService: Sendable {
    let services: ClinicServices
    /// The client whose waitlist offer may use its held time; everyone else's availability excludes held times.
    public var holder: String?

    public init(services: ClinicServices, holder: String? = nil) {
        self.services = services
        self.holder = holder
    }

    public enum Failure: Error, Equatable {
        case notFound(String)
        /// The one time asked for cannot be booked, and why.
        case refused(Refusal)
        /// Some times of a weekly series cannot be booked (nothing was saved), each with why.
        case seriesRefused([Refusal])
        case invalid([FieldProblem])
        /// The client's intake triage pauses online booking until a therapist records clearance.
        case blocked(String)
    }

    /// A start time that cannot be booked: the engine's cause, and the sentence people read.
    public struct Refusal: Error, Equatable, Sendable {
        public let reason: BookingRefusal
        public let start: Instant
        public let message: String
    }

    /// What a slot list is for: clients online (notice, horizon and online-only services apply) or staff.
    public enum Channel: Sendable { case online, staff }

    public struct Context: Sendable {
        public let location: Location
        public let zone: FoundationZone
        public let service: BookableService
        public let rules: BookingRules
        public let therapists: [Account]
    }

    public func context(serviceId: String, locationId: String, therapistId: String?, channel: Channel) async throws -> Context {
        guard let location = try await services.scheduling.location(id: locationId), !location.retired else { throw Failure.notFound("locationId") }
        guard let service = try await services.scheduling.service(id: serviceId), !service.retired, channel == .staff || service.bookableOnline else {
            throw Failure.notFound("serviceId")
        }
        guard let zone = FoundationZone(identifier: location.timeZone) else { throw Failure.notFound("locationId") }
        var therapists = try await services.accounts.therapists()
        if let therapistId {
            therapists = therapists.filter { $0.id == therapistId }
            guard !therapists.isEmpty else { throw Failure.notFound("therapistId") }
        }
        return Context(location: location, zone: zone, service: service, rules: try await services.scheduling.rules(), therapists: therapists)
    }

    /// The engine's request for `from…through` at the context's location.
    public func request(_ context: Context, from: LocalDate, through: LocalDate, channel: Channel) async throws -> AvailabilityRequest {
        let start = context.zone.instant(LocalDateTime(from.adding(days: -1), WallTime(minutes: 0)!)) ?? services.now
        let end = context.zone.instant(LocalDateTime(through.adding(days: 2), WallTime(minutes: 0)!)) ?? services.now
        let window = TimeRange(start: start, end: max(start, end))
        let hours = try await services.scheduling.hours(locationId: context.location.id, window: window)
        // Therapists are busy wherever they are booked, at any location, and where a waitlist offer holds the time. For
        // one therapist at a location without rooms, their own appointments are all that matter.
        let only = context.therapists.count == 1 && context.location.rooms.isEmpty ? context.therapists.first?.id : nil
        var booked = try await services.appointments.occupancy(window: window, therapistId: only)
        let lengths = Dictionary(try await services.scheduling.services().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for offer in try await services.waitlist.heldOffers(at: services.now) where offer.clientId != holder {
            guard let start = offer.offerStart, let therapist = offer.offerTherapistId, let service = lengths[offer.serviceId] else { continue }
            booked.append(.init(therapistId: therapist, roomId: nil,
                                occupied: TimeRange(start: start, end: start.adding(seconds: Int64(service.minutes + service.bufferMinutes) * 60))))
        }
        var rules = context.rules.availabilityRules
        if channel == .staff {
            rules = .init(minimumNoticeMinutes: 0, maximumAdvanceDays: 3650, slotStepMinutes: rules.slotStepMinutes)
        }
        return AvailabilityRequest(
            service: context.service.length, rules: rules, from: from, through: through,
            therapists: context.therapists.compactMap { therapist in hours[therapist.id].map { (therapist.id, $0) } },
            rooms: context.location.rooms.map(\.id), booked: booked, now: services.now)
    }

    public func slots(serviceId: String, locationId: String, therapistId: String?, from: LocalDate, through: LocalDate, channel: Channel) async throws -> (Context, [Slot]) {
        guard from <= through, through.daysSinceEpoch - from.daysSinceEpoch <= 62 else {
            throw Failure.invalid([FieldProblem("to", "Ask for at most 62 days at a time, ending on or after the start.")])
        }
        let context = try await context(serviceId: serviceId, locationId: locationId, therapistId: therapistId, channel: channel)
        let engine = AvailabilityEngine(zone: context.zone)
        let request = try await request(context, from: from, through: through, channel: channel)
        return (context, therapistId == nil ? engine.firstAvailable(request) : engine.slots(request))
    }

    /// Books one appointment, or a weekly series; every occurrence must fit or nothing is saved.
    /// `audit`, when given, commits with the booking; otherwise the caller audits what it did.
    public func book(clientId: String, serviceId: String, locationId: String, therapistId: String?, starts: [Instant], bookedBy: Account,
              channel: Channel, audit: AuditEntry? = nil) async throws -> [Appointment] {
        guard let client = try await services.clients.find(id: clientId) else { throw Failure.notFound("clientId") }
        if channel == .online, let block = try await IntakeRules(services: services).bookingBlock(clientId: client.id) {
            throw Failure.blocked(block.title)
        }
        let context = try await context(serviceId: serviceId, locationId: locationId, therapistId: therapistId, channel: channel)
        if channel == .online, !Self.offers(context.service, returning: try await services.appointments.hasHistory(clientId: client.id)) {
            throw Failure.invalid([FieldProblem("service", context.service.audience == .new
                ? "This service is for a first visit. Please choose a follow-up visit."
                : "This service is for returning clients. Please book an initial assessment first.")])
        }
        let engine = AvailabilityEngine(zone: context.zone)
        var appointments: [Appointment] = []
        var refusals: [Refusal] = []
        let seriesId = starts.count > 1 ? services.ids.next() : nil
        for start in starts {
            let day = context.zone.local(start).date
            var request = try await request(context, from: day, through: day, channel: channel)
            // Occurrences of this series already placed count as taken too.
            request.booked += appointments.map { .init(therapistId: $0.therapistId, roomId: $0.roomId, occupied: $0.occupied) }
            let candidates = therapistId.map { [$0] } ?? request.therapists.map(\.id)
            let slot: Slot
            switch firstFit(engine, request, start: start, therapists: candidates, channel: channel, context) {
            case .success(let fit): slot = fit
            case .failure(let refusal): refusals.append(refusal); continue
            }
            appointments.append(Appointment(
                id: services.ids.next(), clientId: client.id, therapistId: slot.therapistId, locationId: context.location.id, roomId: slot.roomId,
                serviceId: context.service.id, start: slot.start, end: slot.end,
                occupiedUntil: slot.end.adding(seconds: Int64(context.service.bufferMinutes) * 60), seriesId: seriesId))
        }
        if let refusal = refusals.first {
            throw starts.count == 1 ? Failure.refused(refusal) : Failure.seriesRefused(refusals)
        }
        let mail = try await confirmation(appointments, client: client, context: context)
        do {
            try await services.appointments.book(appointments, bookedBy: bookedBy.id, mail: mail, audit: audit, at: services.now)
        } catch StorageError.conflict {
            throw Failure.refused(Self.justTaken(starts[0]))
        }
        return appointments
    }

    /// Records a visit that already happened, already marked arrived: the booking rules do not apply and no email is
    /// sent (the client is not told of a booking after the fact). `audit` commits with it. It may not overlap the
    /// therapist's other appointments; a room is given if one was free.
    public func recordPast(clientId: String, serviceId: String, locationId: String, therapistId: String, start: Instant, by account: Account,
                    audit: AuditEntry) async throws -> Appointment {
        guard try await services.clients.find(id: clientId) != nil else { throw Failure.notFound("clientId") }
        let context = try await context(serviceId: serviceId, locationId: locationId, therapistId: therapistId, channel: .staff)
        guard start <= services.now else {
            throw Failure.invalid([FieldProblem("start", "That time has not come yet. Book it instead, so the client is sent a confirmation.")])
        }
        let end = start.adding(seconds: Int64(context.service.minutes) * 60)
        let occupied = TimeRange(start: start, end: end.adding(seconds: Int64(context.service.bufferMinutes) * 60))
        let busy = try await services.appointments.occupancy(window: occupied).filter { $0.occupied.overlaps(occupied) }
        if busy.contains(where: { $0.therapistId == therapistId }) {
            throw Failure.refused(refusal(.therapistTaken, start: start, therapistId: therapistId, context))
        }
        let room = context.location.rooms.first { room in !busy.contains { $0.roomId == room.id } }?.id
        let visit = Appointment(id: services.ids.next(), clientId: clientId, therapistId: therapistId, locationId: context.location.id, roomId: room,
                                serviceId: context.service.id, start: start, end: end, occupiedUntil: occupied.end, status: .arrived)
        do {
            try await services.appointments.book([visit], bookedBy: account.id, mail: [], audit: audit, at: services.now)
        } catch StorageError.conflict {
            throw Failure.refused(Self.justTaken(start))
        }
        return visit
    }

    /// Cancels; inside the clinic's window it is a late cancellation and carries the fee. `reason`, when given, is kept
    /// with it (plain words, not clinical).
    public func cancel(_ appointment: Appointment, by account: Account, reason: String? = nil) async throws -> Appointment {
        guard appointment.status == .booked else { throw Failure.invalid([FieldProblem("status", "Only a booked appointment can be cancelled.")]) }
        let rules = try await services.scheduling.rules()
        let late = rules.isLateCancellation(start: appointment.start, now: services.now)
        var updated = appointment
        updated.status = late ? .lateCancelled : .cancelled
        updated.feeCents = late ? rules.lateCancellationFeeCents : 0
        updated.revision += 1
        let mail = try await notice(updated, subject: "Appointment cancelled", lead: late && updated.feeCents > 0
            ? "Your appointment is cancelled. As it was inside the cancellation window, a fee of \(Money.text(updated.feeCents)) applies."
            : "Your appointment is cancelled.", cancelled: true)
        try await services.appointments.setStatus(id: appointment.id, updated.status, feeCents: updated.feeCents, revision: updated.revision,
                                                  reason: reason, mail: mail, at: services.now)
        return updated
    }

    /// Moves an appointment to `start` (same service, therapist unless another is named).
    public func reschedule(_ appointment: Appointment, to start: Instant, therapistId: String?, channel: Channel) async throws -> Appointment {
        guard appointment.status == .booked else { throw Failure.invalid([FieldProblem("status", "Only a booked appointment can be moved.")]) }
        let context = try await context(serviceId: appointment.serviceId, locationId: appointment.locationId,
                                         therapistId: therapistId ?? appointment.therapistId, channel: channel)
        let engine = AvailabilityEngine(zone: context.zone)
        let day = context.zone.local(start).date
        var request = try await request(context, from: day, through: day, channel: channel)
        request.booked.removeAll { $0.occupied == appointment.occupied && $0.therapistId == appointment.therapistId }
        let slot: Slot
        switch firstFit(engine, request, start: start, therapists: [therapistId ?? appointment.therapistId], channel: channel, context) {
        case .success(let fit): slot = fit
        case .failure(let refusal): throw Failure.refused(refusal)
        }
        var moved = appointment
        moved.therapistId = slot.therapistId
        moved.roomId = slot.roomId
        moved.start = slot.start
        moved.end = slot.end
        moved.occupiedUntil = slot.end.adding(seconds: Int64(context.service.bufferMinutes) * 60)
        moved.revision += 1
        let mail = try await notice(moved, subject: "Appointment changed", lead: "Your appointment has moved.", cancelled: false)
        do {
            try await services.appointments.move(moved, mail: mail, at: services.now)
        } catch StorageError.conflict {
            throw Failure.refused(Self.justTaken(start))
        }
        return moved
    }

    /// Queues the 24-hour reminders that are due; safe to run on several instances at once.
    @discardableResult
    public func queueReminders() async throws -> Int {
        let locations = Dictionary(try await services.scheduling.allLocations().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let serviceNames = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var clients: [String: Client] = [:]
        let due = try await services.appointments.list(window: TimeRange(start: services.now, end: services.now.adding(seconds: 86_400)))
        for appointment in due where clients[appointment.clientId] == nil {
            clients[appointment.clientId] = try await services.clients.find(id: appointment.clientId)
        }
        let known = clients
        let publicURL = services.settings.publicURL
        let now = services.now
        let clinic = try await organizer()
        return try await services.appointments.queueReminders(lead: 86_400, at: now) { appointment in
            guard let client = known[appointment.clientId], EmailAddress.isPlausible(client.email), let location = locations[appointment.locationId],
                  let service = serviceNames[appointment.serviceId], let zone = FoundationZone(identifier: location.timeZone) else { return nil }
            return Self.reminder(appointment, client: client, service: service, location: location, zone: zone, organizer: clinic,
                                 publicURL: publicURL, now: now)
        }
    }

    /// The first of `therapists` (in order) who can take `start`, or the cause nearest to fitting among them, in words.
    private func firstFit(_ engine: AvailabilityEngine, _ request: AvailabilityRequest, start: Instant, therapists: [String], channel: Channel,
                          _ context: Context) -> Result<Slot, Refusal> {
        var causes: [(reason: BookingRefusal, therapistId: String)] = []
        for therapistId in therapists {
            switch engine.check(request, start: start, therapistId: therapistId, enforceNotice: channel == .online) {
            case .success(let slot): return .success(slot)
            case .failure(let reason): causes.append((reason, therapistId))
            }
        }
        let reason = BookingRefusal.nearest(causes.map(\.reason)) ?? .noHoursHere
        return .failure(refusal(reason, start: start, therapistId: causes.first { $0.reason == reason }?.therapistId ?? therapists.first, context))
    }

    private func refusal(_ reason: BookingRefusal, start: Instant, therapistId: String?, _ context: Context) -> Refusal {
        let name = context.therapists.first { $0.id == therapistId }?.name ?? "The therapist"
        return Refusal(reason: reason, start: start, message: RefusalWords.sentence(
            reason, when: Self.spoken(start, context.zone), weekday: context.zone.local(start).date.weekdayName, therapist: name, rules: context.rules))
    }

    /// The database refused an overlap: someone booked the time between our check and our save.
    public static func justTaken(_ start: Instant) -> Refusal {
        Refusal(reason: .therapistTaken, start: start, message: RefusalWords.justTaken)
    }

    /// Online, initial assessments are for new clients and follow-ups for returning ones; staff may book either.
    public static func offers(_ service: BookableService, returning: Bool) -> Bool {
        switch service.audience {
        case .any: return true
        case .new: return !returning
        case .returning: return returning
        }
    }

    // MARK: Messages

    /// "Tuesday 1 December 2026 at 1:00 p.m." on the location's clock, as mail, receipts and refusals say it.
    public static func spoken(_ instant: Instant, _ zone: FoundationZone) -> String {
        SpokenTime.moment(zone.local(instant))
    }
}
