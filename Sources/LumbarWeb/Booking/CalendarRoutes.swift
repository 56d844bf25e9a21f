import Foundation
import Hummingbird
import LumbarCore
import LumbarStorage
import LumbarZones

/// The clinic's day and week calendars for staff: who is booked when, arrivals, no-shows, moves, cancellations,
/// and booking on a client's behalf (weekly series included).
struct CalendarRoutes {
    let services: AppServices
    var booking: BookingService { BookingService(services: services) }

    struct Page {
        struct LocationLink { let id: String; let name: String; let selected: Bool }
        struct Item { let id: String; let time: String; let clientId: String; let client: String; let service: String; let room: String?; let status: String; let actionable: Bool }
        struct Cell { let appointments: [Item] }
        struct Row { let name: String; let cells: [Cell] }
        let chrome: Chrome
        let dayLabel: String
        let date: String
        let previous: String
        let next: String
        let view: String
        let otherView: String
        let otherViewLabel: String
        let locations: [LocationLink]
        let locationId: String
        let hasLocation: Bool
        let columns: [String]
        let rows: [Row]
        let problem: String?
        let bookFields: [FieldView]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/calendar") { request, context -> Response in
            _ = try context.staff()
            return try await page(FormData(encoded: request.uri.query ?? ""), context, problems: [], problem: nil)
        }
        router.post("/calendar/book") { _, context -> Response in
            let account = try context.staff()
            let form = context.form
            guard let location = try await services.scheduling.location(id: form["location"]), let zone = FoundationZone(identifier: location.timeZone) else {
                throw PageError.badForm("Choose a location first.")
            }
            var problems: [FieldProblem] = []
            let date = LocalDate(iso: form["date"]), time = WallTime(form["time"])
            if date == nil { problems.append(FieldProblem("date", "Enter the date as YYYY-MM-DD.")) }
            if time == nil { problems.append(FieldProblem("time", "Enter a time like 10:30.")) }
            let weeks = Int(form["weeks"].isEmpty ? "1" : form["weeks"]) ?? 0
            if !(1...26).contains(weeks) { problems.append(FieldProblem("weeks", "Book 1 to 26 weekly visits.")) }
            if try await services.clients.find(id: form["client"]) == nil { problems.append(FieldProblem("client", "Choose a client.")) }
            guard problems.isEmpty, let date, let time else { return try await page(form, context, problems: problems, problem: nil, status: .unprocessableContent) }
            // Weekly visits keep the same wall-clock time, across daylight-saving changes too.
            let starts = (0..<weeks).compactMap { zone.instant(LocalDateTime(date.adding(days: 7 * $0), time)) }
            do {
                // All or nothing, so the audit row can say how many before they are saved, and commit with them.
                _ = try await booking.book(clientId: form["client"], serviceId: form["service"], locationId: location.id,
                                           therapistId: form["therapist"].isEmpty ? nil : form["therapist"], starts: starts, bookedBy: account, channel: .staff,
                                           audit: services.auditEntry(account, context, .create, .appointment, client: form["client"], detail: "\(starts.count) booked by staff"))
            } catch let failure as BookingService.Failure {
                switch failure {
                case .invalid(let collisions):
                    // A series that collides is reported whole, before anything is saved.
                    return try await page(form, context, problems: [], problem: "Nothing was booked. " + collisions.map(\.message).joined(separator: " "), status: .conflict)
                case .unavailable(let message), .blocked(let message): return try await page(form, context, problems: [], problem: message, status: .conflict)
                case .taken: return try await page(form, context, problems: [], problem: AppointmentRepository.taken, status: .conflict)
                case .notFound(let field): return try await page(form, context, problems: [FieldProblem(field == "serviceId" ? "service" : "therapist", "Choose one from the list.")], problem: nil, status: .unprocessableContent)
                }
            }
            return .seeOther("/calendar?date=\(date)&location=\(location.id)")
        }
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
                let message = failure == .taken ? AppointmentRepository.taken : "That time is not available for this therapist."
                return try await page(FormData(encoded: "date=\(date)&location=\(location.id)"), context, problems: [], problem: message, status: .conflict)
            }
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "moved by staff")
            return .seeOther("/calendar?date=\(date)&location=\(location.id)")
        }
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
        var rows: [Page.Row] = []
        if let location, let start = zone.instant(LocalDateTime(first, WallTime(minutes: 0)!)),
           let end = zone.instant(LocalDateTime(first.adding(days: days.count), WallTime(minutes: 0)!)) {
            let appointments = try await services.appointments.list(window: TimeRange(start: start, end: end), locationId: location.id, activeOnly: false)
            let clientIds = Set(appointments.map(\.clientId))
            var clientNames: [String: String] = [:]
            for id in clientIds { clientNames[id] = try await services.clients.find(id: id)?.fullName }
            let serviceNames = Dictionary(try await services.scheduling.services().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let roomNames = Dictionary(location.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            func row(_ name: String, actionable: Bool, _ belongs: @escaping (Appointment) -> Bool) -> Page.Row {
                Page.Row(name: name, cells: days.map { day in
                    Page.Cell(appointments: appointments.filter { belongs($0) && zone.local($0.start).date == day }.map {
                        Page.Item(id: $0.id, time: zone.local($0.start).time.description, clientId: $0.clientId, client: clientNames[$0.clientId] ?? "client",
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
        var defaults = query
        if query["date"].isEmpty { defaults = FormData(encoded: (query.has("client") ? "" : "weeks=1&") + "date=\(date)") }
        let page = Page(
            chrome: Chrome(title: "Calendar", context: context, clinicName: try await services.clinic.profile()?.name),
            dayLabel: week ? "week of \(first.spoken)" : date.spoken, date: date.description,
            previous: date.adding(days: week ? -7 : -1).description, next: date.adding(days: week ? 7 : 1).description,
            view: week ? "week" : "day", otherView: week ? "day" : "week", otherViewLabel: week ? "Day view" : "Week view",
            locations: locations.map { .init(id: $0.id, name: $0.name, selected: $0.id == location?.id) }, locationId: location?.id ?? "",
            hasLocation: location != nil, columns: days.map { "\($0.weekdayName.prefix(3)) \($0.day) \($0.monthName.prefix(3))" }, rows: rows, problem: problem,
            bookFields: fields.filled(from: defaults, problems: problems))
        return services.views.page("calendar", page, status: status)
    }
}
