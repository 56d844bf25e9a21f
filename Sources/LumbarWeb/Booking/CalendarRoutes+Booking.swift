import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Booking on a client's behalf from a free time of the calendar (weekly series included), and recording a visit
/// that already happened. The client is found by a search, never chosen from a list of everyone.
extension CalendarRoutes {
    func registerBooking(on router: Router<AppRequestContext>) {
        router.get("/calendar/new") { request, context -> Response in
            _ = try context.staff()
            var form = FormData(encoded: request.uri.query ?? "")
            if !form.has("weeks") { form = Self.adding([("weeks", "1")], to: form) }
            return try await bookingPage(form, context, problems: [], problem: nil)
        }
        router.post("/calendar/book") { _, context -> Response in
            let account = try context.staff()
            let form = context.form
            if let shown = try await searchOrRegister(form, returning: "/calendar/new", page: { try await bookingPage($0, context, problems: [], problem: nil) }) {
                return shown
            }
            let (location, zone, date, time, unread) = try await placeAndTime(form, date: "date", time: "time")
            var problems = unread
            let weeks = Int(form["weeks"].isEmpty ? "1" : form["weeks"]) ?? 0
            if !(1...26).contains(weeks) { problems.append(FieldProblem("weeks", "Book 1 to 26 weekly visits.")) }
            if try await services.clients.find(id: form["client"]) == nil { problems.append(FieldProblem("client", Self.chooseClient)) }
            guard problems.isEmpty, let date, let time else {
                return try await bookingPage(form, context, problems: problems, problem: nil, status: .unprocessableContent)
            }
            // Weekly visits keep the same wall-clock time, across daylight-saving changes too; a week whose time the clocks
            // skip is named rather than silently left out.
            let days = (0..<weeks).map { date.adding(days: 7 * $0) }
            if let skipped = days.first(where: { zone.instant(LocalDateTime($0, time)) == nil }) {
                return try await bookingPage(form, context, problems: [], problem: RefusalWords.clockChange(when: "\(skipped.spoken) at \(time)"),
                                             status: .unprocessableContent)
            }
            let starts = days.compactMap { zone.instant(LocalDateTime($0, time)) }
            do {
                // All or nothing, so the audit row can say how many before they are saved, and commit with them.
                _ = try await booking.book(clientId: form["client"], serviceId: form["service"], locationId: location.id,
                                           therapistId: form["therapist"].isEmpty ? nil : form["therapist"], starts: starts, bookedBy: account, channel: .staff,
                                           audit: services.auditEntry(account, context, .create, .appointment, client: form["client"], detail: "\(starts.count) booked by staff"))
            } catch let failure as BookingService.Failure {
                if case .notFound(let field) = failure {
                    return try await bookingPage(form, context, problems: [FieldProblem(field == "serviceId" ? "service" : "therapist", "Choose one from the list.")],
                                                 problem: nil, status: .unprocessableContent)
                }
                let (message, status) = Self.words(failure)
                let past: Bool = if case .refused(let refusal) = failure { refusal.reason == .inPast } else { false }
                return try await bookingPage(form, context, problems: [], problem: message, status: status, offerPast: past)
            }
            let series = "&visits=\(weeks)&time=\(CalendarQuery.encoded(form["time"]))"
            return .seeOther("/calendar?date=\(date)&location=\(location.id)&saved=booked" + series)
        }
        router.get("/calendar/past") { request, context -> Response in
            _ = try context.staff()
            return try await pastPage(FormData(encoded: request.uri.query ?? ""), context, problems: [])
        }
        router.post("/calendar/past") { _, context -> Response in try await recordPast(context) }
    }

    /// The form's location, and the date and time typed into the named fields with a problem for each that cannot be read.
    func placeAndTime(_ form: FormData, date dateField: String, time timeField: String) async throws
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
    func recordPast(_ context: AppRequestContext) async throws -> Response {
        let account = try context.staff()
        let form = context.form
        if let shown = try await searchOrRegister(form, returning: "/calendar/past", page: { try await pastPage($0, context, problems: []) }) {
            return shown
        }
        let (location, zone, date, time, unread) = try await placeAndTime(form, date: "pastDate", time: "pastTime")
        var problems = unread
        if try await services.clients.find(id: form["pastClient"]) == nil { problems.append(FieldProblem("pastClient", Self.chooseClient)) }
        if try await services.accounts.find(id: form["pastTherapist"])?.role != .therapist { problems.append(FieldProblem("pastTherapist", "Choose the therapist who saw the client.")) }
        let start = date.flatMap { date in time.flatMap { zone.instant(LocalDateTime(date, $0)) } }
        if let date, let time, start == nil { problems.append(FieldProblem("pastTime", "The clocks changed then, so \(time) did not happen on \(date.spoken).")) }
        if let start, start > services.now { problems.append(FieldProblem("pastTime", "That time has not come yet. Book it instead, so the client is sent a confirmation.")) }
        guard problems.isEmpty, let start else { return try await pastPage(form, context, problems: problems, status: .unprocessableContent) }
        do {
            let visit = try await booking.recordPast(clientId: form["pastClient"], serviceId: form["pastService"], locationId: location.id, therapistId: form["pastTherapist"],
                                             start: start, by: account,
                                             audit: services.auditEntry(account, context, .create, .appointment, client: form["pastClient"], detail: "past visit recorded by staff, no email"))
            try await services.invoiceAfterChange(appointmentId: visit.id, by: account, address: context.address)
        } catch let failure as BookingService.Failure {
            switch failure {
            case .refused(let refusal): return try await pastPage(form, context, problems: [FieldProblem("pastTime", refusal.message)], status: Self.status(refusal))
            case .invalid(let found): return try await pastPage(form, context, problems: found.map { FieldProblem("pastTime", $0.message) }, status: .unprocessableContent)
            default: return try await pastPage(form, context, problems: [FieldProblem("pastService", "Choose one from the list.")], status: .unprocessableContent)
            }
        }
        return .seeOther("/calendar?date=\(zone.local(start).date)&location=\(location.id)&saved=recorded")
    }

    /// The refusal when no client is chosen.
    static let chooseClient = "Choose the client: type a few letters of their name, then pick them from the matches."

    /// What the booking page says on coming back from registering a client (`?saved=client`).
    static let registered = "Client registered and chosen below. Check the time and the service, then book."

    /// What the calendar says after a booking (`saved=booked&visits=3&time=10:00`, the first visit's date in `date`):
    /// "Booked for Wed 2 Dec at 10:00 a.m. ...", "Booked 3 weekly visits: Wed 2, 9 and 16 Dec at 10:00 a.m. ..."; nil
    /// for anything else.
    static func bookedSeries(_ query: FormData) -> String? {
        guard query["saved"] == "booked", let visits = Int(query["visits"]), (1...26).contains(visits),
              let first = LocalDate(iso: query["date"]), let time = WallTime(query["time"]) else { return nil }
        // The time ends "a.m." or "p.m.", which closes the sentence.
        if visits == 1 {
            return "Booked for \(SpokenTime.shortDay(first)) at \(SpokenTime.time(time)) The client is emailed a confirmation if we have their address."
        }
        return "Booked \(visits) weekly visits: \(weekly(from: first, count: visits)) at \(SpokenTime.time(time)) "
            + "The client is emailed a confirmation if we have their address."
    }

    /// `count` weekly dates from `first` as people say them: "Wed 2, 9 and 16 Dec", "Wed 30 Dec 2026, 6 and 13 Jan 2027".
    static func weekly(from first: LocalDate, count: Int) -> String {
        let days = (0..<max(count, 1)).map { first.adding(days: 7 * $0) }
        let years = days[0].year != days[days.count - 1].year
        let parts = days.indices.map { index in
            let day = days[index]
            let endsMonth = index == days.count - 1 || days[index + 1].month != day.month
            return "\(day.day)" + (endsMonth ? " \(day.monthName.prefix(3))" + (years ? " \(day.year)" : "") : "")
        }
        let listed = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        return "\(first.weekdayName.prefix(3)) " + listed
    }

    /// `form` with the `extra` fields it does not have yet.
    static func adding(_ extra: [(String, String)], to form: FormData) -> FormData {
        let pairs = form.fields.map { ($0.key, $0.value) } + extra.filter { !form.has($0.0) }
        return FormData(encoded: pairs.map { "\($0.0)=\(CalendarQuery.encoded($0.1))" }.joined(separator: "&"))
    }

    /// The client picker for a booking form as it was sent, the chosen client's read audited.
    func clientPicker(_ form: FormData, field: String, purpose: String, error: String?, _ account: Account,
                      _ context: AppRequestContext) async throws -> ClientPicker {
        let picker = try await ClientFinder(services: services).picker(form, account: account, context: context, field: field, error: error)
        if let chosen = picker.chosen {
            try await services.audit(account, context, .view, .contact, client: chosen.id, detail: "chosen for \(purpose)")
        }
        return picker
    }

    /// Before a booking form is acted on: its Find button (a page without script) shows it again with the matches,
    /// and its New client button goes to register one, coming back to this form afterwards. Nil: neither was pressed.
    func searchOrRegister(_ form: FormData, returning path: String, page: (FormData) async throws -> Response) async throws -> Response? {
        if ClientFinder.wantsFind(form) { return try await page(form) }
        if form.has("newClient"), let back = ClientReturn(leaving: path, form) { return .seeOther(back.registering) }
        return nil
    }

    func bookingPage(_ form: FormData, _ context: AppRequestContext, problems: [FieldProblem], problem: String?,
                     status: HTTPResponse.Status = .ok, offerPast: Bool = false) async throws -> Response {
        let account = try context.staff()
        let locations = try await services.scheduling.locations()
        guard let location = locations.first(where: { $0.id == form["location"] }) ?? locations.first else {
            return try await page(FormData(encoded: ""), context, problem: nil)
        }
        let zone = FoundationZone(identifier: location.timeZone) ?? FoundationZone(identifier: "UTC")!
        let therapists = try await services.accounts.therapists()
        var summary: String?
        if let date = LocalDate(iso: form["date"]) {
            let who = therapists.first { $0.id == form["therapist"] }?.name
            summary = "\(date.spoken)" + (WallTime(form["time"]).map { " at \(SpokenTime.time($0))" } ?? "") + (who.map { " with \($0)" } ?? "")
        }
        let picker = try await clientPicker(form, field: "client", purpose: "a booking", error: problems.first { $0.field == "client" }?.message, account, context)
        let fields = [
            FieldView.select("service", "Service", try await services.scheduling.services().map { ($0.id, "\($0.name) (\($0.minutes) min)") }),
            FieldView.select("therapist", "Therapist", [("", "First available")] + therapists.map { ($0.id, $0.name) }),
            FieldView("date", "Date", type: "date"), FieldView("time", "Time", type: "time"),
            FieldView("weeks", "Repeat weekly for", type: "number", help: "Number of weekly visits, 1 for a single booking.", optional: true),
        ]
        let past = offerPast ? "/calendar/past?" + [("location", location.id), ("pastClient", form["client"]), ("pastService", form["service"]),
                                                    ("pastTherapist", form["therapist"]), ("pastDate", form["date"]), ("pastTime", form["time"])]
            .map { "\($0.0)=\(CalendarQuery.encoded($0.1))" }.joined(separator: "&") : nil
        let day = LocalDate(iso: form["date"]) ?? zone.local(services.now).date
        var chrome = context.chrome("Book an appointment")
        if form["saved"] == "client" { chrome.notice = Self.registered }
        return services.views.page("calendar_new", CalendarBookingPage(
            chrome: chrome, heading: "Book an appointment",
            intro: "Find the client, check the service and time, then book. The client is emailed a confirmation if we have their address.",
            summary: summary, picker: picker, action: "/calendar/book", locationId: location.id,
            fields: fields.filled(from: form, problems: problems), problem: problem, pastLink: past, button: "Book",
            calendarLink: "/calendar?date=\(day)&location=\(CalendarQuery.encoded(location.id))"), status: status)
    }

    func pastPage(_ form: FormData, _ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.staff()
        let locations = try await services.scheduling.locations()
        guard let location = locations.first(where: { $0.id == form["location"] }) ?? locations.first else {
            return try await page(FormData(encoded: ""), context, problem: nil)
        }
        let zone = FoundationZone(identifier: location.timeZone) ?? FoundationZone(identifier: "UTC")!
        let today = zone.local(services.now).date
        let filled = Self.adding([("pastDate", today.description)], to: form)
        let picker = try await clientPicker(form, field: "pastClient", purpose: "a past visit", error: problems.first { $0.field == "pastClient" }?.message,
                                            account, context)
        let fields = [
            FieldView.select("pastService", "Service", try await services.scheduling.services().map { ($0.id, "\($0.name) (\($0.minutes) min)") }),
            FieldView.select("pastTherapist", "Therapist", try await services.accounts.therapists().map { ($0.id, $0.name) }),
            FieldView("pastDate", "Date", type: "date"), FieldView("pastTime", "Time it started", type: "time"),
        ]
        let day = LocalDate(iso: filled["pastDate"]) ?? today
        var chrome = context.chrome("Record a past visit")
        if form["saved"] == "client" { chrome.notice = "Client registered and chosen below. Check the visit's details, then record it." }
        return services.views.page("calendar_new", CalendarBookingPage(
            chrome: chrome, heading: "Record a past visit",
            intro: "For a visit that already happened but was never booked. It is saved as arrived, so it can be charted and billed, and no email is sent to the client.",
            summary: nil, picker: picker, action: "/calendar/past", locationId: location.id,
            fields: fields.filled(from: filled, problems: problems), problem: nil, pastLink: nil, button: "Record visit",
            calendarLink: "/calendar?date=\(day)&location=\(CalendarQuery.encoded(location.id))"), status: status)
    }
}
