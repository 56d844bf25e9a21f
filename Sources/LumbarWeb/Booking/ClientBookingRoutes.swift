import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Online booking for clients, from a phone: service → therapist or anyone → day → time → confirm.
/// New clients create their account on the confirm step; a client changing a time comes through the same pages. Also
/// the calendar file of an appointment.
struct ClientBookingRoutes {
    let services: AppServices
    var booking: BookingService { BookingService(services: services) }

    static let accountFields = [
        FieldView("firstName", "First name", autocomplete: "given-name", limit: .name), FieldView("lastName", "Last name", autocomplete: "family-name", limit: .name),
        FieldView("email", "Email", type: "email", autocomplete: "email"), FieldView("phone", "Mobile phone", type: "tel", help: "With the area code, e.g. 416-555-0100.", autocomplete: "tel"),
        FieldView("password", "Choose a password", type: "password", help: "At least 12 characters.", autocomplete: "new-password"),
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/book") { request, context -> Response in
            let query = FormData(encoded: request.uri.query ?? "")
            var returning = false
            var blocked: TriageAdvice?
            if let account = context.account, account.role == .client, let client = try await services.clients.find(accountId: account.id) {
                returning = try await services.appointments.hasHistory(clientId: client.id)
                blocked = try await IntakeService(services: services).bookingBlock(clientId: client.id)
            }
            let offered = try await services.scheduling.services().filter { $0.bookableOnline && BookingService.offers($0, returning: returning) }
            let locations = try await services.scheduling.locations()
            let page = BookingStartPage(
                chrome: context.chrome("Book a massage"),
                services: offered.enumerated().map { BookingStartPage.Choice(id: $1.id, name: $1.name, minutes: $1.minutes, price: ClientPrice($1).words, first: $0 == 0) },
                hasServices: !offered.isEmpty && !locations.isEmpty,
                locations: locations.enumerated().map { BookingStartPage.Choice(id: $1.id, name: $1.name, address: $1.address, first: $0 == 0) },
                showLocations: locations.count > 1,
                therapists: try await services.accounts.therapists().map { BookingStartPage.Choice(id: $0.id, name: $0.name) },
                rescheduleId: query["reschedule"].isEmpty ? nil : query["reschedule"], blocked: blocked)
            return services.views.page("book", page)
        }
        router.get("/book/times") { request, context -> Response in
            try await timesPage(FormData(encoded: request.uri.query ?? ""), context, problem: nil)
        }
        router.get("/book/confirm") { request, context -> Response in
            try await confirmPage(FormData(encoded: request.uri.query ?? ""), context, problems: [], problem: nil)
        }
        router.post("/book/confirm") { request, context -> Response in try await confirm(request, context) }
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    private func timesPage(_ query: FormData, _ context: AppRequestContext, problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let therapistId = query["therapist"].isEmpty ? nil : query["therapist"]
        let bookingContext: BookingService.Context
        do {
            bookingContext = try await booking.context(serviceId: query["service"], locationId: query["location"], therapistId: therapistId, channel: .online)
        } catch is BookingService.Failure {
            throw PageError.badForm("Choose a service and a location first.")
        }
        let moving = try await movable(query["reschedule"], context)
        let zone = bookingContext.zone
        let today = zone.local(services.now).date
        let first = LocalDate(iso: query["from"]) ?? today
        let from = max(first, today)
        let through = from.adding(days: 13)
        let slots = if let moving {
            try await booking.slots(moving: moving, therapistId: therapistId, from: from, through: through)
        } else {
            try await booking.slots(serviceId: query["service"], locationId: query["location"], therapistId: therapistId,
                                    from: from, through: through, channel: .online).1
        }
        let byDay = Dictionary(grouping: slots) { zone.local($0.start).date }
        let asked = LocalDate(iso: query["day"])
        let selected = asked ?? (0..<14).map { from.adding(days: $0) }.first { byDay[$0] != nil } ?? from
        let base: [(String, String)] = [("service", query["service"]), ("location", query["location"]), ("therapist", query["therapist"]),
                                        ("reschedule", query["reschedule"])]
        func dayLink(_ day: LocalDate, from: LocalDate) -> String { "/book/times?" + Self.query(base + [("from", from.description), ("day", day.description)]) }
        let days = (0..<14).map { offset -> BookingTimesPage.Day in
            let day = from.adding(days: offset)
            return .init(label: SpokenTime.shortDay(day), link: dayLink(day, from: from), selected: day == selected, open: byDay[day] != nil)
        }
        let times = (byDay[selected] ?? []).map { slot in
            BookingTimesPage.Time(label: SpokenTime.time(zone.local(slot.start).time),
                           link: "/book/confirm?" + Self.query(base + [("start", String(slot.start.milliseconds)), ("suggested", slot.therapistId)]))
        }
        var nextFree: BookingTimesPage.Link?
        if times.isEmpty, let next = try await booking.nextFreeDay(serviceId: query["service"], locationId: query["location"], therapistId: therapistId,
                                                                   after: selected) {
            // Within the fortnight shown, keep the same strip of days; further on, the strip starts at that day.
            nextFree = .init(label: SpokenTime.shortDay(next), link: dayLink(next, from: next <= through ? from : next))
        }
        let page = BookingTimesPage(
            chrome: context.chrome(moving == nil ? "Choose a time" : "Choose a new time"), serviceName: bookingContext.service.name,
            price: ClientPrice(bookingContext.service).words, locationName: bookingContext.location.name,
            therapistName: therapistId.flatMap { id in bookingContext.therapists.first { $0.id == id }?.name },
            moving: moving.map { SpokenTime.short(zone.local($0.start)) }, movingId: moving?.id, problem: problem, days: days,
            dayLabel: SpokenTime.day(selected, today: today), times: times, nextFree: nextFree,
            earlier: from > today ? dayLink(max(today, from.adding(days: -14)), from: max(today, from.adding(days: -14))) : nil,
            later: through < today.adding(days: bookingContext.rules.maximumAdvanceDays) ? dayLink(through.adding(days: 1), from: through.adding(days: 1)) : nil,
            anyoneLink: therapistId != nil && moving == nil ? "/book/times?" + Self.query([("service", query["service"]), ("location", query["location"]),
                                                                                          ("from", from.description), ("day", selected.description)]) : nil)
        return services.views.page("book_times", page, status: status)
    }

    /// The signed-in client's own booked appointment that `id` names for a change of time, or nil when none is named.
    private func movable(_ id: String, _ context: AppRequestContext) async throws -> Appointment? {
        guard !id.isEmpty else { return nil }
        guard let account = context.account, account.role == .client, let client = try await services.clients.find(accountId: account.id),
              let appointment = try await services.appointments.find(id: id), appointment.clientId == client.id, appointment.status == .booked
        else { throw PageError.notFound }
        return appointment
    }

    private func confirmPage(_ query: FormData, _ context: AppRequestContext, problems: [FieldProblem], problem: String?,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let therapistId = query["therapist"].isEmpty ? nil : query["therapist"]
        guard let bookingContext = try? await booking.context(serviceId: query["service"], locationId: query["location"], therapistId: therapistId, channel: .online),
              let milliseconds = Int64(query["start"]) else { throw PageError.badForm("Choose a time first.") }
        let start = Instant(milliseconds: milliseconds)
        let shownTherapist = therapistId ?? query["suggested"]
        let rules = bookingContext.rules
        let names = ["service", "location", "therapist", "start", "suggested", "reschedule"]
        let returnTo = "/book/confirm?" + Self.query(names.map { ($0, query[$0]) })
        let moving = try await movable(query["reschedule"], context)
        let local = bookingContext.zone.local(start)
        let page = BookingConfirmPage(
            chrome: context.chrome(moving == nil ? "Confirm your booking" : "Confirm the new time"), serviceName: bookingContext.service.name,
            price: ClientPrice(bookingContext.service).words, when: "\(SpokenTime.day(local.date, today: bookingContext.zone.local(services.now).date)) at \(SpokenTime.time(local.time))",
            movingFrom: moving.map { SpokenTime.short(bookingContext.zone.local($0.start)) },
            therapistName: bookingContext.therapists.first { $0.id == shownTherapist }?.name ?? "The first therapist free",
            locationName: bookingContext.location.name, address: bookingContext.location.address, problem: problem,
            hidden: names.map { BookingConfirmPage.Hidden(name: $0, value: query[$0]) }, signedIn: context.account != nil,
            returnTo: returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/book",
            accountFields: Self.accountFields.filled(from: query, problems: problems), windowHours: rules.cancellationWindowHours,
            fee: rules.lateCancellationFeeCents > 0 ? Money.text(rules.lateCancellationFeeCents) : nil)
        return services.views.page("book_confirm", page, status: status)
    }

    private func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = context.form
        var account = context.account
        var cookie: Cookie?
        if let signedIn = account, signedIn.role != .client {
            throw PageError.badForm("Staff book for clients from the calendar.")
        }
        if account == nil {
            let hourAgo = services.now.adding(seconds: -3600)
            if try await services.loginAttempts.registrations(address: context.address, since: hourAgo) >= services.configuration.registrationsPerHour {
                throw PageError.tooManyAttempts
            }
            let client = Client(id: "", firstName: form["firstName"].trimmed, lastName: form["lastName"].trimmed, email: form["email"].trimmed.lowercased(),
                                phone: PhoneNumber.normalised(form["phone"]))
            var problems = client.problems(today: services.now.utcDate)
            if client.email.isEmpty { problems.append(FieldProblem("email", "We need your email to send the confirmation.")) }
            let draft = AccountDraft(email: client.email, name: client.fullName, role: .client, password: form["password"])
            problems += draft.problems().filter { $0.field == "password" }
            if problems.isEmpty, try await services.accounts.credentials(email: client.email) != nil {
                problems.append(FieldProblem("email", "An account already uses this email. Sign in first, then book."))
            }
            guard problems.isEmpty else { return try await confirmPage(form, context, problems: problems, problem: nil, status: .unprocessableContent) }
            try await services.loginAttempts.recordRegistration(address: context.address, at: services.now)
            let stored = try await services.clients.create(client, at: services.now)
            let created = try await services.clients.createPortalAccount(clientId: stored.id, draft: draft, passwordHash: try await services.hasher.hash(draft.password), at: services.now)
            try await services.audit(created, context, .create, .contact, client: stored.id, detail: "registered online")
            cookie = try await SignInSession(services: services).start(for: created, secondFactorDone: true, request, context)
            account = created
        }
        guard let account, let client = try await services.clients.find(accountId: account.id), let milliseconds = Int64(form["start"]) else {
            throw PageError.badForm("Choose a time first.")
        }
        let start = Instant(milliseconds: milliseconds)
        let therapistId = form["therapist"].isEmpty ? nil : form["therapist"]
        do {
            if !form["reschedule"].isEmpty {
                guard let appointment = try await services.appointments.find(id: form["reschedule"]), appointment.clientId == client.id else { throw PageError.notFound }
                let rules = try await services.scheduling.rules()
                guard !rules.isLateCancellation(start: appointment.start, now: services.now) else {
                    throw PageError.badForm("This appointment is within \(rules.cancellationWindowHours) hours. Please call the clinic to change it.")
                }
                let suggested = form["suggested"].isEmpty ? nil : form["suggested"]
                _ = try await booking.reschedule(appointment, to: start, therapistId: therapistId ?? suggested, channel: .online)
                try await services.audit(account, context, .change, .appointment, client: client.id, detail: "rescheduled online")
            } else {
                _ = try await booking.book(clientId: client.id, serviceId: form["service"], locationId: form["location"], therapistId: therapistId,
                                           starts: [start], bookedBy: account, channel: .online,
                                           audit: services.auditEntry(account, context, .create, .appointment, client: client.id, detail: "booked online"))
            }
        } catch BookingService.Failure.blocked {
            return .seeOther("/book")
        } catch BookingService.Failure.invalid where !form["reschedule"].isEmpty {
            throw PageError.badForm("This appointment can no longer be changed online. Please call the clinic.")
        } catch let failure as BookingService.Failure {
            var signedIn = context
            if cookie != nil { signedIn.session = nil }
            let (message, status): (String, HTTPResponse.Status) = switch failure {
            case .refused(let refusal): (refusal.message + " Please choose another time.", refusal.reason.isTaken ? .conflict : .unprocessableContent)
            default: ("That time is no longer available. Please choose another.", .conflict)
            }
            var response = try await timesPage(form, signedIn, problem: message, status: status)

            if let cookie { response.setCookie(cookie) }
            return response
        }
        var response = Response.seeOther(form["reschedule"].isEmpty ? "/me?booked=1" : "/me?moved=1")
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
