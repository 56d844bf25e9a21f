import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The clinic's day and week calendars for staff, as a time grid: who is booked when, who is free, breaks and time
/// off. An appointment's own page (arrive, no-show, reschedule, cancel) and booking are in the files beside this one.
struct CalendarRoutes {
    let services: AppServices
    var booking: BookingService { BookingService(services: services) }
    var calendars: CalendarService { CalendarService(services: services.clinicServices) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/calendar") { request, context -> Response in
            _ = try context.staff()
            return try await page(FormData(encoded: request.uri.query ?? ""), context, problem: nil)
        }
        router.post("/calendar/appointments/:id/status") { _, context -> Response in
            _ = try context.staff()
            guard let mark = Attendance.Mark(rawValue: context.form["status"]) else { throw PageError.badForm("That change is not possible for this appointment.") }
            return try await attend(mark, context)
        }
        // A no-show is asked about first: it frees nothing, but it is a mark against the client.
        router.post("/calendar/appointments/:id/no-show") { _, context -> Response in try await attend(.noShow, context) }
        router.post("/calendar/appointments/:id/move") { _, context -> Response in
            let account = try context.staff()
            let appointment = try await find(context)
            guard let location = try await services.scheduling.location(id: appointment.locationId), let zone = FoundationZone(identifier: location.timeZone)
            else { throw PageError.notFound }
            let parts = context.form["when"].split(separator: "T")
            let day = zone.local(appointment.start).date
            guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let time = WallTime(String(parts[1].prefix(5))),
                  let start = zone.instant(LocalDateTime(date, time)) else {
                return try await page(FormData(encoded: "date=\(day)&location=\(location.id)"), context,
                                      problem: "Choose the new date and time for the appointment you are moving.", status: .unprocessableContent)
            }
            do {
                _ = try await booking.reschedule(appointment, to: start, therapistId: nil, channel: .staff)
            } catch let failure as BookingService.Failure {
                let (message, status) = Self.words(failure)
                return try await page(FormData(encoded: "date=\(date)&location=\(location.id)"), context, problem: message, status: status)
            }
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "moved by staff")
            return .seeOther("/calendar?date=\(date)&location=\(location.id)&saved=moved")
        }
        registerAppointmentPages(on: router)
        registerBooking(on: router)
    }

    /// The appointment named in the path.
    func find(_ context: AppRequestContext) async throws -> Appointment {
        guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")) else { throw PageError.notFound }
        return appointment
    }

    /// What the calendar says after each kind of save.
    static let saved = [
        "booked": "Booked. The client is emailed a confirmation if we have their address.",
        "moved": "Moved. The client is emailed the new time if we have their address.",
        "recorded": "Past visit recorded and marked arrived. No email was sent.",
        "cancelled": "Cancelled. The client is emailed if we have their address.",
        "late-cancelled": "Cancelled late. The late-cancellation fee is recorded. The client is emailed if we have their address.",
        "arrived": "Marked arrived.",
        "no-show": "Marked as a no-show. You can take it back today if it was a mistake.",
        "undone": "Taken back: the appointment is booked again.",
    ]

    /// A refusal in words, and the status it answers with.
    static func words(_ failure: BookingService.Failure) -> (String, HTTPResponse.Status) {
        switch failure {
        case .refused(let refusal): (sentence(refusal), status(refusal))
        case .seriesRefused(let refusals):
            ("Nothing was booked. " + refusals.map(\.message).joined(separator: " "), refusals.allSatisfy(\.reason.isTaken) ? .conflict : .unprocessableContent)
        case .invalid(let problems): (problems.map(\.message).joined(separator: " "), .unprocessableContent)
        case .blocked(let message): (message, .conflict)
        case .notFound: ("That change is not possible for this appointment.", .unprocessableContent)
        }
    }

    /// A refusal on the calendar: a time in the past points to recording the visit instead.
    static func sentence(_ refusal: BookingService.Refusal) -> String {
        refusal.message + (refusal.reason == .inPast ? " If the visit already happened, use “Record a past visit” instead: it sends no email." : "")
    }

    /// Taken by another booking is a conflict; against the hours or rules, a request that cannot be used.
    static func status(_ refusal: BookingService.Refusal) -> HTTPResponse.Status {
        refusal.reason.isTaken ? .conflict : .unprocessableContent
    }

    /// The calendar a staff member asked for; a therapist sees their own column unless they choose otherwise.
    func page(_ query: FormData, _ context: AppRequestContext, problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.staff()
        let locations = try await services.scheduling.locations()
        let location = locations.first { $0.id == query["location"] } ?? locations.first
        let zone = location.flatMap { FoundationZone(identifier: $0.timeZone) } ?? FoundationZone(identifier: "UTC")!
        let today = zone.local(services.now).date
        var asked = CalendarQuery(query, today: today, locationId: location?.id ?? "")
        var calendar: CalendarService.Calendar?
        var audited: Task<Void, any Error>?
        var chosen = asked.therapist
        if let location {
            let therapists = try await services.accounts.therapists()
            if chosen.isEmpty || (chosen != "all" && !therapists.contains { $0.id == chosen }) {
                // Your own day if you are a therapist; a week of one therapist when there are too many to read side by side.
                chosen = account.role == .therapist && therapists.contains { $0.id == account.id } ? account.id
                    : asked.week && therapists.count > 3 ? therapists.first?.id ?? "all" : "all"
            }
            asked.therapist = chosen == (account.role == .therapist ? account.id : "all") ? "" : chosen
            if asked.byRoom && location.rooms.isEmpty { asked.byRoom = false }
            calendar = try await calendars.calendar(location: location, days: asked.days, therapistId: chosen == "all" || asked.byRoom ? nil : chosen,
                                                    byRoom: asked.byRoom && !asked.week, showCancelled: asked.showCancelled)
            // The audit row is written while the page is drawn, and the page is sent only once it is committed.
            let entry = services.auditEntry(account, context, .view, .appointment, client: nil,
                                            detail: "calendar \(asked.days[0]) \(asked.days.count) day(s), \(calendar?.appointments.count ?? 0) shown")
            audited = Task { [services] in try await services.audit.append(entry) }
        }
        var chrome = context.chrome("Calendar")
        chrome.notice = Self.bookedSeries(query) ?? Self.saved[query["saved"]]
        let body = CalendarGridHTML.main(calendar, .init(query: asked, today: today, locations: locations, chosen: chosen, problem: problem))
        try await audited?.value
        return services.views.page("calendar", CalendarPage(chrome: chrome, body: body), status: status)
    }
}
