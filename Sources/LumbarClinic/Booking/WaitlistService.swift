import LumbarCore
import LumbarZones

/// Offers freed-up earlier times to waiting clients, first come first served, each held for the clinic's set time.
public struct WaitlistService: Sendable {
    let services: ClinicServices
    var waitlist: any WaitlistRepository { services.waitlist }

    public init(services: ClinicServices) { self.services = services }

    public enum Failure: Error, Equatable { case notFound, expired, taken }

    public func join(_ appointment: Appointment) async throws {
        try await waitlist.join(WaitlistEntry(id: services.ids.next(), clientId: appointment.clientId, appointmentId: appointment.id,
                                              serviceId: appointment.serviceId, locationId: appointment.locationId, therapistId: appointment.therapistId,
                                              earlierThan: appointment.start), at: services.now)
    }

    /// Lapses old offers, then offers each waiting client (oldest first) the earliest bookable time before theirs.
    @discardableResult
    public func process() async throws -> Int {
        try await waitlist.expireOffers(at: services.now)
        let hold = try await waitlist.holdMinutes()
        var offered = 0
        for entry in try await waitlist.entries(.waiting) {
            if let id = entry.appointmentId, try await services.appointments.find(id: id)?.status != .booked {
                try await waitlist.setStatus(id: entry.id, .withdrawn)
                continue
            }
            let booking = BookingService(services: services)
            guard let context = try? await booking.context(serviceId: entry.serviceId, locationId: entry.locationId, therapistId: entry.therapistId, channel: .online)
            else { continue }
            let today = context.zone.local(services.now).date
            let last = context.zone.local(entry.earlierThan).date
            guard today <= last else { continue }
            let (_, slots) = try await booking.slots(serviceId: entry.serviceId, locationId: entry.locationId, therapistId: entry.therapistId,
                                                     from: today, through: min(last, today.adding(days: 62)), channel: .online)
            guard let slot = slots.first(where: { $0.start < entry.earlierThan }),
                  let client = try await services.clients.find(id: entry.clientId), EmailAddress.isPlausible(client.email) else { continue }
            let token = Secrets.token()
            let expires = services.now.adding(seconds: Int64(hold) * 60)
            let body = """
                Hello \(client.firstName),

                An earlier time has opened for \(context.service.name) at \(context.location.name):
                \(BookingService.spoken(slot.start, context.zone)).

                It is held for you until \(BookingService.spoken(expires, context.zone)). To take it, open:
                \(services.settings.publicURL)/waitlist/\(token)
                """
            let mail = QueuedMail(to: client.email, subject: "An earlier time is available", body: body, calendar: nil)
            if try await waitlist.makeOffer(entryId: entry.id, start: slot.start, end: slot.end, therapistId: slot.therapistId, expiresAt: expires,
                                            tokenHash: Secrets.hash(token), mail: mail, at: services.now) {
                offered += 1
            }
        }
        return offered
    }

    /// The live offer behind a link, for the client it was made to.
    public func offer(token: String, clientId: String) async throws -> WaitlistEntry {
        guard let entry = try await waitlist.offer(tokenHash: Secrets.hash(token)), entry.clientId == clientId else { throw Failure.notFound }
        guard entry.status == .offered, let expires = entry.offerExpiresAt, expires > services.now else { throw Failure.expired }
        return entry
    }

    /// Moves the client's appointment into the held time (or books it, if they no longer have one).
    public func accept(token: String, account: Account, client: Client) async throws -> Appointment {
        let entry = try await offer(token: token, clientId: client.id)
        guard let start = entry.offerStart else { throw Failure.notFound }
        let booking = BookingService(services: services, holder: client.id)
        do {
            let result: Appointment
            if let id = entry.appointmentId, let appointment = try await services.appointments.find(id: id), appointment.status == .booked {
                result = try await booking.reschedule(appointment, to: start, therapistId: entry.offerTherapistId, channel: .staff)
            } else {
                result = try await booking.book(clientId: client.id, serviceId: entry.serviceId, locationId: entry.locationId,
                                                therapistId: entry.offerTherapistId, starts: [start], bookedBy: account, channel: .staff)[0]
            }
            try await waitlist.setStatus(id: entry.id, .accepted)
            return result
        } catch is BookingService.Failure {
            try await waitlist.setStatus(id: entry.id, .expired)
            throw Failure.taken
        }
    }
}
