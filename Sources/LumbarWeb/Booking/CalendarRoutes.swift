import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The clinic's day and week calendars for staff: who is booked when, arrivals, no-shows, moves, cancellations,
/// and booking on a client's behalf (weekly series included).
struct CalendarRoutes {
    let services: AppServices
    var booking: BookingService { BookingService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/calendar") { request, context -> Response in
            _ = try context.staff()
            return try await page(FormData(encoded: request.uri.query ?? ""), context, problems: [], problem: nil)
        }
        router.post("/calendar/book") { _, context -> Response in
            let account = try context.staff()
            let form = context.form
            let (location, zone, date, time, unread) = try await placeAndTime(form, date: "date", time: "time")
            var problems = unread
            let weeks = Int(form["weeks"].isEmpty ? "1" : form["weeks"]) ?? 0
            if !(1...26).contains(weeks) { problems.append(FieldProblem("weeks", "Book 1 to 26 weekly visits.")) }
            if try await services.clients.find(id: form["client"]) == nil { problems.append(FieldProblem("client", "Choose a client.")) }
            guard problems.isEmpty, let date, let time else { return try await page(form, context, problems: problems, problem: nil, status: .unprocessableContent) }
            // Weekly visits keep the same wall-clock time, across daylight-saving changes too; a week whose time the clocks
            // skip is named rather than silently left out.
            let days = (0..<weeks).map { date.adding(days: 7 * $0) }
            if let skipped = days.first(where: { zone.instant(LocalDateTime($0, time)) == nil }) {
                return try await page(form, context, problems: [], problem: RefusalWords.clockChange(when: "\(skipped.spoken) at \(time)"), status: .unprocessableContent)
            }
            let starts = days.compactMap { zone.instant(LocalDateTime($0, time)) }
            do {
                // All or nothing, so the audit row can say how many before they are saved, and commit with them.
                _ = try await booking.book(clientId: form["client"], serviceId: form["service"], locationId: location.id,
                                           therapistId: form["therapist"].isEmpty ? nil : form["therapist"], starts: starts, bookedBy: account, channel: .staff,
                                           audit: services.auditEntry(account, context, .create, .appointment, client: form["client"], detail: "\(starts.count) booked by staff"))
            } catch let failure as BookingService.Failure {
                switch failure {
                case .seriesRefused(let refusals):
                    // A series that collides is reported whole, before anything is saved.
                    return try await page(form, context, problems: [], problem: "Nothing was booked. " + refusals.map(\.message).joined(separator: " "),
                                          status: refusals.allSatisfy(\.reason.isTaken) ? .conflict : .unprocessableContent)
                case .refused(let refusal):
                    return try await page(refusal.reason == .inPast ? Self.offeringPastVisit(form) : form, context, problems: [], problem: Self.sentence(refusal),
                                          status: Self.status(refusal))
                case .invalid(let problems): return try await page(form, context, problems: problems, problem: nil, status: .unprocessableContent)
                case .blocked(let message): return try await page(form, context, problems: [], problem: message, status: .conflict)
                case .notFound(let field): return try await page(form, context, problems: [FieldProblem(field == "serviceId" ? "service" : "therapist", "Choose one from the list.")], problem: nil, status: .unprocessableContent)
                }
            }
            return .seeOther("/calendar?date=\(date)&location=\(location.id)&saved=booked")
        }
        router.post("/calendar/past") { _, context -> Response in try await recordPast(context) }
        router.post("/calendar/appointments/:id/status") { _, context -> Response in
            let account = try context.staff()
            guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")) else { throw PageError.notFound }
            guard appointment.status == .booked, let status = Appointment.Status(rawValue: context.form["status"]),
                  [.arrived, .noShow, .cancelled].contains(status) else { throw PageError.badForm("That change is not possible for this appointment.") }
            if status == .cancelled {
                _ = try await booking.cancel(appointment, by: account)
            } else {
                try await services.appointments.setStatus(id: appointment.id, status, at: services.now)
            }
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "marked \(status.rawValue)")
            return .seeOther(try await returnLink(appointment))
        }
        router.post("/calendar/appointments/:id/move") { _, context -> Response in
            let account = try context.staff()
            guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")),
                  let location = try await services.scheduling.location(id: appointment.locationId), let zone = FoundationZone(identifier: location.timeZone)
            else { throw PageError.notFound }
            let parts = context.form["when"].split(separator: "T")
            guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let time = WallTime(String(parts[1].prefix(5))),
                  let start = zone.instant(LocalDateTime(date, time)) else {
                // Back to the day the appointment is on, where its move form is, with the problem named.
                let day = zone.local(appointment.start).date
                return try await page(FormData(encoded: "date=\(day)&location=\(location.id)"), context, problems: [],
                                      problem: "Choose the new date and time for the appointment you are moving.", status: .unprocessableContent)
            }
            do {
                _ = try await booking.reschedule(appointment, to: start, therapistId: nil, channel: .staff)
            } catch let failure as BookingService.Failure {
                let (message, status): (String, HTTPResponse.Status) = switch failure {
                case .refused(let refusal): (Self.sentence(refusal), Self.status(refusal))
                case .invalid(let problems): (problems.map(\.message).joined(separator: " "), .unprocessableContent)
                default: ("That change is not possible for this appointment.", .unprocessableContent)
                }
                return try await page(FormData(encoded: "date=\(date)&location=\(location.id)"), context, problems: [], problem: message, status: status)
            }
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "moved by staff")
            return .seeOther("/calendar?date=\(date)&location=\(location.id)&saved=moved")
        }
    }

    /// The form's location, and the date and time typed into the named fields with a problem for each that cannot be read.
    private func placeAndTime(_ form: FormData, date dateField: String, time timeField: String) async throws
        -> (Location, FoundationZone, LocalDate?, WallTime?, [FieldProblem]) {
        guard let location = try await services.scheduling.location(id: form["location"]), let zone = FoundationZone(identifier: location.timeZone) else {
            throw PageError.badForm("Choose a location first.")
        }
        var problems: [FieldProblem] = []
        let date = LocalDate(iso: form[dateField]), time = WallTime(form[timeField])
        if date == nil { problems.append(FieldProblem(dateField, "Enter the date as YYYY-MM-DD.")) }
        if time == nil { problems.append(FieldProblem(timeField, "Enter a time like 10:30.")) }
        return (location, zone, date, time, problems)
    }

    /// A visit that already happened, entered afterwards: saved as arrived, audited, and no email queued.
    private func recordPast(_ context: AppRequestContext) async throws -> Response {
        let account = try context.staff()
        let form = context.form
        let (location, zone, date, time, unread) = try await placeAndTime(form, date: "pastDate", time: "pastTime")
        var problems = unread
        if try await services.clients.find(id: form["pastClient"]) == nil { problems.append(FieldProblem("pastClient", "Choose a client.")) }
        if try await services.accounts.find(id: form["pastTherapist"])?.role != .therapist { problems.append(FieldProblem("pastTherapist", "Choose the therapist who saw the client.")) }
        let start = date.flatMap { date in time.flatMap { zone.instant(LocalDateTime(date, $0)) } }
        if let date, let time, start == nil { problems.append(FieldProblem("pastTime", "The clocks changed then, so \(time) did not happen on \(date.spoken).")) }
        if let start, start > services.now { problems.append(FieldProblem("pastTime", "That time has not come yet. Book it above instead, so the client is sent a confirmation.")) }
        guard problems.isEmpty, let start else { return try await page(form, context, problems: problems, problem: nil, status: .unprocessableContent) }
        do {
            _ = try await booking.recordPast(clientId: form["pastClient"], serviceId: form["pastService"], locationId: location.id, therapistId: form["pastTherapist"],
                                             start: start, by: account,
                                             audit: services.auditEntry(account, context, .create, .appointment, client: form["pastClient"], detail: "past visit recorded by staff, no email"))
        } catch let failure as BookingService.Failure {
            switch failure {
            case .refused(let refusal): return try await page(form, context, problems: [FieldProblem("pastTime", refusal.message)], problem: nil, status: Self.status(refusal))
            case .invalid(let found): return try await page(form, context, problems: found.map { FieldProblem("pastTime", $0.message) }, problem: nil, status: .unprocessableContent)
            default: return try await page(form, context, problems: [FieldProblem("pastService", "Choose one from the list.")], problem: nil, status: .unprocessableContent)
            }
        }
        return .seeOther("/calendar?date=\(zone.local(start).date)&location=\(location.id)&saved=recorded")
    }

    /// What the calendar says after each kind of save.
    static let saved = [
        "booked": "Booked. The client is emailed a confirmation if we have their address.",
        "moved": "Moved. The client is emailed the new time if we have their address.",
        "recorded": "Past visit recorded and marked arrived. No email was sent.",
    ]

    /// A refusal on the calendar: a time in the past points to recording the visit instead.
    static func sentence(_ refusal: BookingService.Refusal) -> String {
        refusal.message + (refusal.reason == .inPast ? " If the visit already happened, record it with “Record a past visit” below instead: it sends no email." : "")
    }

    /// The booking form as typed, with the past-visit form filled in from it, for a time that has already passed.
    static func offeringPastVisit(_ form: FormData) -> FormData {
        adding([("pastClient", form["client"]), ("pastService", form["service"]), ("pastTherapist", form["therapist"]), ("pastDate", form["date"]),
                ("pastTime", form["time"])], to: form)
    }

    /// `form` with the `extra` fields it does not have yet.
    static func adding(_ extra: [(String, String)], to form: FormData) -> FormData {
        let pairs = form.fields.map { ($0.key, $0.value) } + extra.filter { !form.has($0.0) }
        return FormData(encoded: pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    /// Taken by another booking is a conflict; against the hours or rules, a request that cannot be used.
    static func status(_ refusal: BookingService.Refusal) -> HTTPResponse.Status {
        refusal.reason.isTaken ? .conflict : .unprocessableContent
    }

    private func returnLink(_ appointment: Appointment) async throws -> String {
        let zone = FoundationZone(identifier: try await services.scheduling.location(id: appointment.locationId)?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        return "/calendar?date=\(zone.local(appointment.start).date)&location=\(appointment.locationId)"
    }

    private func page(_ query: FormData, _ context: AppRequestContext, problems: [FieldProblem], problem: String?,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.staff()
        let locations = try await services.scheduling.locations()
        let location = locations.first { $0.id == query["location"] } ?? locations.first
        let zone = location.flatMap { FoundationZone(identifier: $0.timeZone) } ?? FoundationZone(identifier: "UTC")!
        let today = zone.local(services.now).date
        let week = query["view"] == "week"
        let date = LocalDate(iso: query["date"]) ?? today
        let first = week ? date.adding(days: -date.weekdayIndex) : date
        let days = (0..<(week ? 7 : 1)).map { first.adding(days: $0) }
        let therapists = try await services.accounts.therapists()
        var rows: [CalendarPage.Row] = []
        if let location, let start = zone.instant(LocalDateTime(first, WallTime(minutes: 0)!)),
           let end = zone.instant(LocalDateTime(first.adding(days: days.count), WallTime(minutes: 0)!)) {
            let appointments = try await services.appointments.list(window: TimeRange(start: start, end: end), locationId: location.id, activeOnly: false)
            let clientIds = Set(appointments.map(\.clientId))
            var clientNames: [String: String] = [:]
            for id in clientIds { clientNames[id] = try await services.clients.find(id: id)?.fullName }
            let serviceNames = Dictionary(try await services.scheduling.services().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let roomNames = Dictionary(location.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            func row(_ name: String, actionable: Bool, _ belongs: @escaping (Appointment) -> Bool) -> CalendarPage.Row {
                CalendarPage.Row(name: name, cells: days.map { day in
                    CalendarPage.Cell(appointments: appointments.filter { belongs($0) && zone.local($0.start).date == day }.map {
                        CalendarPage.Item(id: $0.id, time: zone.local($0.start).time.description, clientId: $0.clientId, client: clientNames[$0.clientId] ?? "client",
                                  service: serviceNames[$0.serviceId] ?? "", room: $0.roomId.flatMap { roomNames[$0] }, status: $0.status.rawValue,
                                  actionable: actionable && $0.status == .booked)
                    })
                })
            }
            // One row per therapist (where the actions are), then one per room to see what each room holds.
            rows = therapists.map { therapist in row(therapist.name, actionable: true) { $0.therapistId == therapist.id } }
                + location.rooms.map { room in row("Room: \(room.name)", actionable: false) { $0.roomId == room.id } }
            try await services.audit(account, context, .view, .appointment, client: nil, detail: "calendar \(first) \(days.count) day(s), \(appointments.count) shown")
        }
        let clients = try await services.clients.list()
        let fields = [
            FieldView.select("client", "Client", clients.map { ($0.id, "\($0.lastName), \($0.firstName)") }),
            FieldView.select("service", "Service", try await services.scheduling.services().map { ($0.id, "\($0.name) (\($0.minutes) min)") }),
            FieldView.select("therapist", "Therapist", [("", "First available")] + therapists.map { ($0.id, $0.name) }),
            FieldView("date", "Date", type: "date"), FieldView("time", "Time", type: "time"),
            FieldView("weeks", "Repeat weekly for", type: "number", help: "Number of weekly visits, 1 for a single booking.", optional: true),
        ]
        let pastFields = [
            FieldView.select("pastClient", "Client", clients.map { ($0.id, "\($0.lastName), \($0.firstName)") }),
            FieldView.select("pastService", "Service", try await services.scheduling.services().map { ($0.id, "\($0.name) (\($0.minutes) min)") }),
            FieldView.select("pastTherapist", "Therapist", therapists.map { ($0.id, $0.name) }),
            FieldView("pastDate", "Date", type: "date"), FieldView("pastTime", "Time it started", type: "time"),
        ]
        var defaults = query
        if query["date"].isEmpty && !query.has("pastClient") { defaults = FormData(encoded: (query.has("client") ? "" : "weeks=1&") + "date=\(date)") }
        defaults = Self.adding([("pastDate", min(date, today).description)], to: defaults)
        var chrome = context.chrome("Calendar")
        chrome.notice = Self.saved[query["saved"]]
        let page = CalendarPage(
            chrome: chrome,
            dayLabel: week ? "week of \(first.spoken)" : date.spoken, date: date.description,
            previous: date.adding(days: week ? -7 : -1).description, next: date.adding(days: week ? 7 : 1).description,
            view: week ? "week" : "day", otherView: week ? "day" : "week", otherViewLabel: week ? "Day view" : "Week view",
            locations: locations.map { .init(id: $0.id, name: $0.name, selected: $0.id == location?.id) }, locationId: location?.id ?? "",
            hasLocation: location != nil, columns: days.map { "\($0.weekdayName.prefix(3)) \($0.day) \($0.monthName.prefix(3))" }, rows: rows, problem: problem,
            bookFields: fields.filled(from: defaults, problems: problems), pastFields: pastFields.filled(from: defaults, problems: problems))
        return services.views.page("calendar", page, status: status)
    }
}
