import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// A therapist's appointments as a private iCalendar feed at a secret, revocable address. Events carry the
/// service, the client's first name and initial, and the place: nothing clinical.
struct CalendarFeedRoutes {
    let services: AppServices
    var feeds: any CalendarFeedRepository { services.calendarFeeds }

    func register(on router: Router<AppRequestContext>) {
        router.post("/account/calendar-feed") { _, context -> Response in
            let account = try context.staff()
            guard account.role == .therapist else { throw PageError.forbidden }
            let token = Secrets.token()
            try await feeds.create(therapistId: account.id, tokenHash: Secrets.hash(token), at: services.now)
            try await services.audit(account, context, .create, .account, client: nil, detail: "calendar feed link created")
            var chrome = context.chrome("Calendar feed")
            chrome.notice = "Your private calendar address (shown only now; anyone with it can see your appointments): "
                + services.configuration.publicURL + "/feeds/" + token + ".ics"
            return services.views.page("error", CalendarFeedPage(chrome: chrome, heading: "Calendar feed",
                                                     message: "Add the address above to your calendar app as a subscription. Creating a new one turns the old one off."))
        }
        router.post("/account/calendar-feed/revoke") { _, context -> Response in
            let account = try context.staff()
            try await feeds.revokeAll(therapistId: account.id, at: services.now)
            try await services.audit(account, context, .change, .account, client: nil, detail: "calendar feed revoked")
            return .seeOther("/account")
        }
        router.get("/feeds/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".ics"), let therapist = try await feeds.therapist(tokenHash: Secrets.hash(String(file.dropLast(4)))) else {
                throw PageError.notFound
            }
            let now = services.now
            let appointments = try await services.appointments.list(window: TimeRange(start: now.adding(seconds: -30 * 86_400), end: now.adding(seconds: 180 * 86_400)),
                                                                    therapistId: therapist.id)
            let locations = Dictionary(try await services.scheduling.allLocations().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let serviceNames = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var events: [CalendarEvent] = []
            for appointment in appointments {
                let client = try await services.clients.find(id: appointment.clientId)
                let who = client.map { "\($0.firstName) \($0.lastName.prefix(1))." } ?? "client"
                events.append(CalendarEvent(uid: "\(appointment.id)@lumbar", title: "\(serviceNames[appointment.serviceId] ?? "Appointment") – \(who)",
                                            location: locations[appointment.locationId]?.address ?? "", start: appointment.start, end: appointment.end, stamp: now,
                                            // The same SEQUENCE as the client's invitation, so both calendars agree on the latest version.
                                            sequence: appointment.revision))
            }
            try await services.audit.append(AuditEntry(at: now, actorId: therapist.id, actorRole: therapist.role, clientId: nil, infoType: .appointment,
                                                       action: .export, address: context.address, detail: "calendar feed, \(events.count) events"))
            let text = CalendarEvent.calendar(events, name: "\(therapist.name) – Lumbar")
            return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
