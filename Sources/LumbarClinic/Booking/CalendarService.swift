import LumbarCore
import LumbarZones

/// The staff calendar: a location's days as a time grid (who is booked, when each therapist is free, breaks and
/// time off), with the names the page shows. Reads only; booking, moving and cancelling are `BookingService`'s.
public struct CalendarService: Sendable {
    let services: ClinicServices

    public init(services: ClinicServices) { self.services = services }

    /// A column of the calendar as people read it.
    public struct Column: Sendable, Equatable {
        public let id: String
        public let name: String
    }

    public struct Calendar: Sendable {
        public let location: Location
        public let zone: FoundationZone
        public let grid: CalendarGrid
        public let columns: [Column]
        public let byRoom: Bool
        public let appointments: [Appointment]
        /// Client id → full name, for the appointments shown.
        public let clientNames: [String: String]
        /// Every service, in the clinic's order (which is also the order of their colours).
        public let services: [BookableService]
        /// Every therapist, for choosing whom to show.
        public let therapists: [Account]
        /// Each therapist's hours at this location.
        public let hours: [String: WeeklyHours]
        public let rules: BookingRules
    }

    /// `days` at `location`: a column per therapist who works or is booked here then (only `therapistId` when given),
    /// or per room when `byRoom`.
    public func calendar(location: Location, days: [LocalDate], therapistId: String?, byRoom: Bool, showCancelled: Bool) async throws -> Calendar {
        let zone = FoundationZone(identifier: location.timeZone) ?? FoundationZone(identifier: "UTC")!
        let first = days.first ?? zone.local(services.now).date, last = days.last ?? first
        let rules = try await services.scheduling.rules()
        let therapists = try await services.accounts.therapists()
        let start = zone.instant(LocalDateTime(first, WallTime(minutes: 0)!)) ?? services.now
        let end = zone.instant(LocalDateTime(last.adding(days: 1), WallTime(minutes: 0)!)) ?? start
        // The week's appointments and what the engine needs are read side by side: two reads, two cores.
        async let listed = services.appointments.list(window: TimeRange(start: start, end: max(start, end)), locationId: location.id,
                                                      therapistId: nil, clientId: nil, activeOnly: false)
        // Free times are the engine's as staff book (no notice, no horizon), for the shortest visit the clinic offers
        // with its turnover: a gap that fits no service is not shown as free. One slot step when no service is set up.
        // Read once: the shortest open service sets the free times, and every service (retired too) names the blocks.
        let every = try await services.scheduling.services()
        let shortest = every.filter { !$0.retired }.min { ($0.minutes + $0.bufferMinutes) < ($1.minutes + $1.bufferMinutes) }
        let step = BookableService(id: "", name: "", minutes: shortest?.minutes ?? rules.slotStepMinutes, bufferMinutes: shortest?.bufferMinutes ?? 0,
                                   priceCents: 0, taxBasisPoints: 0, bookableOnline: false, audience: .any)
        let booking = BookingService(services: services)
        async let asked = booking.request(.init(location: location, zone: zone, service: step, rules: rules, therapists: therapists),
                                          from: first, through: last, channel: .staff)
        let appointments = try await listed
        let request = try await asked
        let hours = Dictionary(request.therapists.map { ($0.id, $0.hours) }, uniquingKeysWith: { a, _ in a })
        let weekdays = Set(days.map(\.weekdayIndex))
        let booked = Set(appointments.filter { $0.status.holdsTime || showCancelled }.map(\.therapistId))
        let shown = therapists.filter { therapist in
            if let therapistId { return therapist.id == therapistId }
            return booked.contains(therapist.id) || weekdays.contains { !(hours[therapist.id]?.days[$0].isEmpty ?? true) }
        }
        let columns: [Column]
        let gridColumns: [CalendarGrid.Column]
        if byRoom {
            columns = location.rooms.map { Column(id: $0.id, name: $0.name) }
            gridColumns = columns.map { CalendarGrid.Column(id: $0.id, hours: nil) }
        } else {
            columns = shown.map { Column(id: $0.id, name: $0.name) }
            gridColumns = shown.map { CalendarGrid.Column(id: $0.id, hours: hours[$0.id] ?? WeeklyHours()) }
        }
        let grid = CalendarGrid(.init(days: days, columns: gridColumns, byRoom: byRoom, appointments: appointments, showCancelled: showCancelled,
                                      availability: request), zone: zone)
        let names = try await services.clients.names(ids: Set(appointments.map(\.clientId)))
        return Calendar(location: location, zone: zone, grid: grid, columns: columns, byRoom: byRoom, appointments: appointments, clientNames: names,
                        services: every, therapists: therapists, hours: hours, rules: rules)
    }

    /// Free start times for moving `appointment` within `days`: its service and length, with its therapist or anyone.
    public func freeTimes(for appointment: Appointment, from: LocalDate, through: LocalDate, anyTherapist: Bool) async throws -> [Slot] {
        let booking = BookingService(services: services)
        let context = try await booking.context(serviceId: appointment.serviceId, locationId: appointment.locationId,
                                                therapistId: anyTherapist ? nil : appointment.therapistId, channel: .staff)
        var request = try await booking.request(context, from: from, through: through, channel: .staff)
        // Its own time is free to move into.
        request.booked.removeAll { $0.occupied == appointment.occupied && $0.therapistId == appointment.therapistId }
        return AvailabilityEngine(zone: context.zone).slots(request)
    }
}
