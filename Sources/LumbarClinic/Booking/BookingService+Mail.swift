import LumbarCore
import LumbarZones

/// The emails a booking change sends, each an invitation by RFC 5546: one appointment per message (a weekly series
/// sends one for each, so each can later be moved or cancelled on its own), the clinic as ORGANIZER, the client as
/// ATTENDEE, and the appointment's revision as SEQUENCE.
extension BookingService {
    public func event(_ appointment: Appointment, context: Context, cancelled: Bool) -> CalendarEvent {
        Self.event(appointment, service: context.service, location: context.location, cancelled: cancelled, now: services.now)
    }

    /// The appointment as a calendar event. Its SEQUENCE is the appointment's revision, so a calendar applies a move
    /// and then a cancellation in order even when they happen in the same second.
    public static func event(_ appointment: Appointment, service: BookableService, location: Location, cancelled: Bool, now: Instant,
                      organizer: CalendarEvent.Party? = nil, attendee: CalendarEvent.Party? = nil) -> CalendarEvent {
        CalendarEvent(uid: "\(appointment.id)@lumbar", title: "\(service.name) at \(location.name)", location: location.address,
                      start: appointment.start, end: appointment.end, stamp: now, sequence: appointment.revision, cancelled: cancelled,
                      organizer: organizer, attendee: attendee)
    }

    /// The clinic, at the address its mail comes from.
    public func organizer() async throws -> CalendarEvent.Party {
        CalendarEvent.Party(name: try await services.clinic.profile()?.name ?? "", email: services.settings.mailFromAddress)
    }

    /// One invitation (or cancellation) for one appointment, addressed to the client.
    public static func invitation(_ appointment: Appointment, client: Client, service: BookableService, location: Location, cancelled: Bool,
                           organizer: CalendarEvent.Party, now: Instant, subject: String, body: String) -> QueuedMail {
        let invite = event(appointment, service: service, location: location, cancelled: cancelled, now: now, organizer: organizer,
                           attendee: CalendarEvent.Party(name: client.fullName, email: client.email))
        return QueuedMail(to: client.email, toName: client.fullName, subject: subject, body: body,
                          calendar: CalendarEvent.calendar([invite], method: cancelled ? "CANCEL" : "REQUEST"))
    }

    /// A confirmation for each appointment booked; those of a series each list the whole series.
    public func confirmation(_ appointments: [Appointment], client: Client, context: Context) async throws -> [QueuedMail] {
        guard EmailAddress.isPlausible(client.email), !appointments.isEmpty else { return [] }
        let clinic = try await organizer()
        let times = appointments.map { "- " + Self.spoken($0.start, context.zone) }.joined(separator: "\n")
        let intake = try await services.intake.latestSubmitted(clientId: client.id) == nil ? """


            Before your first visit, please fill in your health intake (about ten minutes, on your phone is fine):
            \(services.settings.publicURL)/intake
            """ : ""
        return appointments.enumerated().map { index, appointment -> QueuedMail in
            let therapist = context.therapists.first { $0.id == appointment.therapistId }?.name ?? "your therapist"
            let series = appointments.count == 1 ? "" : """


                This email is for the one on \(Self.spoken(appointment.start, context.zone)) (\(index + 1) of \(appointments.count)). \
                Each appointment has its own email and calendar invitation, so changing one leaves the others as they are.
                """
            let body = """
                Hello \(client.firstName),

                You are booked for \(context.service.name) with \(therapist) at \(context.location.name), \(context.location.address):
                \(times)

                Price: \(ClientPrice(context.service).words)\(appointments.count == 1 ? "" : " each visit"), paid at the clinic.
                """ + series + """


                To change or cancel, sign in at \(services.settings.publicURL)/me.
                Please give at least \(context.rules.cancellationWindowHours) hours' notice if you cannot come.
                """ + (index == 0 ? intake : "")
            let subject = "Appointment confirmed: \(context.service.name)" + (appointments.count == 1 ? "" : " (\(index + 1) of \(appointments.count))")
            return Self.invitation(appointment, client: client, service: context.service, location: context.location, cancelled: false,
                                   organizer: clinic, now: services.now, subject: subject, body: body)
        }
    }

    /// A move or a cancellation, with the invitation that updates or removes the appointment in the client's calendar.
    public func notice(_ appointment: Appointment, subject: String, lead: String, cancelled: Bool) async throws -> [QueuedMail] {
        guard let client = try await services.clients.find(id: appointment.clientId), EmailAddress.isPlausible(client.email) else { return [] }
        let context = try await context(serviceId: appointment.serviceId, locationId: appointment.locationId, therapistId: nil, channel: .staff)
        let body = """
            Hello \(client.firstName),

            \(lead)
            \(context.service.name) at \(context.location.name): \(Self.spoken(appointment.start, context.zone)).
            """
        return [Self.invitation(appointment, client: client, service: context.service, location: context.location, cancelled: cancelled,
                                organizer: try await organizer(), now: services.now, subject: subject, body: body)]
    }

    /// The reminder a day ahead, with the invitation as it stands (same SEQUENCE: nothing changed).
    public static func reminder(_ appointment: Appointment, client: Client, service: BookableService, location: Location, zone: FoundationZone,
                         organizer: CalendarEvent.Party, publicURL: String, now: Instant) -> QueuedMail {
        let body = """
            Hello \(client.firstName),

            A reminder of your \(service.name) at \(location.name), \(location.address):
            \(spoken(appointment.start, zone)).

            If you cannot come, please let the clinic know as soon as you can: \(publicURL)/me
            """
        return invitation(appointment, client: client, service: service, location: location, cancelled: false, organizer: organizer, now: now,
                          subject: "Reminder: \(service.name) tomorrow", body: body)
    }
}
