import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// An appointment's own pages: its details with arrive and no-show, rescheduling to a free time, and a cancellation
/// that asks first, with a reason, and says whether the late fee applies.
extension CalendarRoutes {
    /// Reasons a cancellation can be given for; kept in the audit row as these words.
    static let cancelReasons: [(value: String, label: String)] = [
        ("", "Choose a reason"), ("client asked", "The client asked"), ("illness", "The client is unwell"),
        ("clinic closed", "The clinic is closed"), ("therapist away", "The therapist is away"), ("other", "Another reason"),
    ]

    func registerAppointmentPages(on router: Router<AppRequestContext>) {
        router.get("/calendar/appointments/:id") { request, context -> Response in
            let appointment = try await find(context)
            return try await appointmentPage(appointment, context, notice: Self.saved[FormData(encoded: request.uri.query ?? "")["saved"]], problem: nil)
        }
        router.get("/calendar/appointments/:id/no-show") { _, context -> Response in
            _ = try context.staff()
            let appointment = try await find(context)
            if let refusal = try await attendanceRefusal(.noShow, appointment, zone: try await zone(of: appointment)) {
                return try await appointmentPage(appointment, context, notice: nil, problem: refusal, status: .conflict)
            }
            let facts = try await facts(appointment)
            let question = "Mark \(facts.client) as a no-show?"
            return services.views.page("setup_confirm", ConfirmPage(
                chrome: context.chrome(question), question: question, what: "\(facts.when) with \(facts.therapist)",
                consequences: ["The visit stays on the calendar, marked as missed, and the time is not offered to anyone else.",
                               "It shows on the client's record as a missed visit.", "If this is a mistake, you can take it back today."],
                action: "/calendar/appointments/\(appointment.id)/no-show", yes: "Yes, mark as a no-show",
                back: "/calendar/appointments/\(appointment.id)", no: "No, go back"))
        }
        router.get("/calendar/appointments/:id/cancel") { _, context -> Response in
            _ = try context.staff()
            return try await cancelPage(try await find(context), context, form: FormData(encoded: ""), problems: [], problem: nil)
        }
        router.post("/calendar/appointments/:id/cancel") { _, context -> Response in
            let account = try context.staff()
            let appointment = try await find(context)
            let form = context.form
            var problems: [FieldProblem] = []
            if !Self.cancelReasons.dropFirst().contains(where: { $0.value == form["reason"] }) {
                problems.append(FieldProblem("reason", "Choose why the appointment is cancelled."))
            } else if form["reason"] == "other" && form["reasonOther"].trimmed.isEmpty {
                problems.append(FieldProblem("reasonOther", "Say briefly why, for example “double booked”."))
            }
            if let tooLong = FieldLimit.short.problem("reasonOther", form["reasonOther"]) { problems.append(tooLong) }
            guard problems.isEmpty else { return try await cancelPage(appointment, context, form: form, problems: problems, problem: nil, status: .unprocessableContent) }
            let cancelled: Appointment
            do {
                let words = form["reason"] == "other" ? "other: " + form["reasonOther"].trimmed : form["reason"]
                cancelled = try await booking.cancel(appointment, by: account, reason: words)
                try await services.invoiceAfterChange(appointmentId: appointment.id, by: account, address: context.address)
            } catch let failure as BookingService.Failure {
                return try await cancelPage(appointment, context, form: form, problems: [], problem: Self.words(failure).0, status: .conflict)
            }
            // The reason's words only: what is typed for "another reason" could be about the client's health.
            let fee = cancelled.status == .lateCancelled ? ", late, fee \(Money.text(cancelled.feeCents))" : ""
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId,
                                     detail: "cancelled by staff (\(form["reason"]))\(fee)")
            let facts = try await facts(appointment)
            return .seeOther(facts.calendarLink + "&saved=\(cancelled.status.rawValue)")
        }
        router.get("/calendar/appointments/:id/reschedule") { request, context -> Response in
            _ = try context.staff()
            return try await reschedulePage(try await find(context), FormData(encoded: request.uri.query ?? ""), context, problem: nil)
        }
        router.post("/calendar/appointments/:id/reschedule") { request, context -> Response in
            let account = try context.staff()
            let appointment = try await find(context)
            let query = FormData(encoded: request.uri.query ?? "")
            // The time tapped is asked about first (the client is emailed on a move); the question posts it back.
            let slot = context.form["slot"].isEmpty ? query["slot"] : context.form["slot"]
            let parts = slot.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2, let milliseconds = Int64(parts[0]) else {
                return try await reschedulePage(appointment, query, context, problem: "Choose one of the free times.", status: .unprocessableContent)
            }
            guard query["confirm"] == "1" else {
                let facts = try await facts(appointment)
                let start = facts.zone.local(Instant(milliseconds: milliseconds))
                let therapist = parts[1] == appointment.therapistId ? facts.therapist
                    : try await services.accounts.find(id: parts[1])?.name ?? facts.therapist
                let question = "Move \(facts.client)'s appointment?"
                var unreserved = CharacterSet.alphanumerics
                unreserved.insert(charactersIn: "-._~")
                let encoded = slot.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
                return services.views.page("setup_confirm", ConfirmPage(
                    chrome: context.chrome(question), question: question,
                    what: "From \(facts.when) to \(SpokenTime.moment(start)) with \(therapist)",
                    consequences: ["The old time is freed for other bookings.", "The client is emailed the new time if we have their address."],
                    action: "/calendar/appointments/\(appointment.id)/reschedule?slot=\(encoded)&confirm=1", yes: "Yes, move it",
                    back: "/calendar/appointments/\(appointment.id)/reschedule?day=\(start.date)", no: "No, choose another time"))
            }
            let moved: Appointment
            do {
                moved = try await booking.reschedule(appointment, to: Instant(milliseconds: milliseconds), therapistId: parts[1], channel: .staff)
            } catch let failure as BookingService.Failure {
                let (message, status) = Self.words(failure)
                return try await reschedulePage(appointment, query, context, problem: message, status: status)
            }
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "moved by staff")
            let facts = try await facts(moved)
            return .seeOther(facts.calendarLink + "&saved=moved")
        }
    }

    /// One appointment's page: its facts, and the marks, moves and cancellation possible now (or why not).
    func appointmentPage(_ appointment: Appointment, _ context: AppRequestContext, notice: String?, problem: String?,
                         status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.staff()
        let facts = try await facts(appointment)
        let reason = appointment.status.holdsTime ? nil : try await services.appointments.cancelReason(id: appointment.id)
        try await services.audit(account, context, .view, .appointment, client: appointment.clientId, detail: "appointment details")
        var chrome = context.chrome("Appointment")
        chrome.notice = notice
        let service = facts.service
        let tax = service.map { Billing.tax($0.priceCents, basisPoints: $0.taxBasisPoints) } ?? 0
        let price = service.map { "\(Money.text($0.priceCents + tax)) (\(Money.text($0.priceCents)) and \(Money.text(tax)) tax)" } ?? ""
        let booked = appointment.status == .booked
        let arrival = booked ? try await attendanceRefusal(.arrived, appointment, zone: facts.zone) : nil
        let noShow = booked ? try await attendanceRefusal(.noShow, appointment, zone: facts.zone) : nil
        let undo = booked ? nil : try await attendanceRefusal(.undo, appointment, zone: facts.zone)
        let marked = appointment.status == .arrived || appointment.status == .noShow
        return services.views.page("calendar_appointment", CalendarAppointmentPage(
            chrome: chrome, id: appointment.id, heading: "\(facts.client) · \(SpokenTime.shortDay(facts.zone.local(appointment.start).date))",
            clientId: appointment.clientId, client: facts.client, service: service?.name ?? "", therapist: facts.therapist, room: facts.room,
            when: facts.when, status: CalendarGridHTML.statusWords(appointment.status), price: price,
            fee: appointment.status == .lateCancelled ? Money.text(appointment.feeCents) : nil, cancelReason: reason, canChange: booked,
            problem: problem, canArrive: booked && arrival == nil, canMarkNoShow: booked && noShow == nil,
            waitNote: booked ? [arrival, noShow].compactMap { $0 }.first : nil,
            canUndo: marked && undo == nil, undoLabel: appointment.status == .arrived ? "Take back “arrived”" : "Take back “no-show”",
            fixedNote: booked ? nil : marked ? undo : "This appointment is \(appointment.status == .completed ? "finished" : "cancelled"), so it cannot be changed.",
            paymentLink: appointment.status == .arrived ? "/clients/\(appointment.clientId)/billing" : nil,
            calendarLink: facts.calendarLink), status: status)
    }

    /// Why `mark` cannot be made now, or nil: the clock's rule, and for taking a mark back, no money taken against the visit.
    func attendanceRefusal(_ mark: Attendance.Mark, _ appointment: Appointment, zone: FoundationZone) async throws -> String? {
        if let refusal = Attendance.refusal(mark, appointment, now: services.now, zone: zone) { return refusal }
        if mark == .undo {
            let standing = try await services.billing.ledger(clientId: appointment.clientId).standing(appointmentId: appointment.id)
            if let standing, !standing.payments.isEmpty || !standing.receipts.isEmpty {
                return "A payment or receipt is already recorded for this visit, so it stays as it is."
            }
        }
        return nil
    }

    /// Marks the visit (or takes a mark back) when the rules allow, audited; otherwise the page again, saying why.
    func attend(_ mark: Attendance.Mark, _ context: AppRequestContext) async throws -> Response {
        let account = try context.staff()
        let appointment = try await find(context)
        if let refusal = try await attendanceRefusal(mark, appointment, zone: try await zone(of: appointment)) {
            return try await appointmentPage(appointment, context, notice: nil, problem: refusal, status: .conflict)
        }
        try await services.appointments.setStatus(id: appointment.id, Attendance.status(after: mark), at: services.now)
        try await services.invoiceAfterChange(appointmentId: appointment.id, by: account, address: context.address)
        try await services.audit(account, context, .change, .appointment, client: appointment.clientId,
                                 detail: mark == .undo ? "\(appointment.status.rawValue) taken back" : "marked \(mark.rawValue)")
        return .seeOther("/calendar/appointments/\(appointment.id)?saved=\(mark == .undo ? "undone" : mark.rawValue)")
    }

    /// What the appointment's pages say about it.
    struct Facts {
        let zone: FoundationZone
        let client: String
        let service: BookableService?
        let therapist: String
        let room: String?
        let when: String
        let calendarLink: String
    }

    /// The zone of the appointment's location, where its day is reckoned.
    func zone(of appointment: Appointment) async throws -> FoundationZone {
        let location = try await services.scheduling.location(id: appointment.locationId)
        return location.flatMap { FoundationZone(identifier: $0.timeZone) } ?? FoundationZone(identifier: "UTC")!
    }

    func facts(_ appointment: Appointment) async throws -> Facts {
        let location = try await services.scheduling.location(id: appointment.locationId)
        let zone = location.flatMap { FoundationZone(identifier: $0.timeZone) } ?? FoundationZone(identifier: "UTC")!
        let start = zone.local(appointment.start), end = zone.local(appointment.end)
        return Facts(
            zone: zone, client: try await services.clients.find(id: appointment.clientId)?.fullName ?? "Client",
            service: try await services.scheduling.service(id: appointment.serviceId),
            therapist: try await services.accounts.find(id: appointment.therapistId)?.name ?? "",
            room: appointment.roomId.flatMap { id in location?.rooms.first { $0.id == id }?.name },
            when: "\(start.date.spoken), \(SpokenTime.range(start.time, end.time))",
            calendarLink: "/calendar?date=\(start.date)&location=\(CalendarQuery.encoded(appointment.locationId))")
    }

    func cancelPage(_ appointment: Appointment, _ context: AppRequestContext, form: FormData, problems: [FieldProblem], problem: String?,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let facts = try await facts(appointment)
        let rules = try await services.scheduling.rules()
        let late = rules.isLateCancellation(start: appointment.start, now: services.now)
        let window = "\(rules.cancellationWindowHours) hours"
        let feeMessage = late
            ? (rules.lateCancellationFeeCents > 0
                ? "This is within \(window) of the appointment, so the late-cancellation fee of \(Money.text(rules.lateCancellationFeeCents)) applies."
                : "This is within \(window) of the appointment, so it is recorded as a late cancellation. The clinic charges no fee for it.")
            : "This is more than \(window) ahead, so no late-cancellation fee applies."
        let fields = [
            FieldView.select("reason", "Why is it cancelled?", Self.cancelReasons),
            FieldView("reasonOther", "If another reason, which", help: "A few words, for the clinic's records. Nothing about the client's health.",
                      optional: true, limit: .short),
        ]
        return services.views.page("calendar_cancel", CalendarCancelPage(
            chrome: context.chrome("Cancel appointment"), id: appointment.id,
            summary: "\(facts.client), \(facts.service?.name ?? "appointment") with \(facts.therapist), \(facts.when)",
            feeMessage: feeMessage, late: late, canCancel: appointment.status == .booked, fields: fields.filled(from: form, problems: problems),
            problem: problem, backLink: "/calendar/appointments/\(appointment.id)"), status: status)
    }

    func reschedulePage(_ appointment: Appointment, _ query: FormData, _ context: AppRequestContext, problem: String?,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let facts = try await facts(appointment)
        let today = facts.zone.local(services.now).date
        // A fortnight at a time from today, or from the fortnight asked for (never before today, at most two years ahead).
        let from = min(max(LocalDate(iso: query["from"]) ?? today, today), today.adding(days: 730))
        let days = (0..<14).map { from.adding(days: $0) }
        let anyone = query["who"] == "any"
        var slots: [Slot] = []
        if appointment.status == .booked {
            slots = (try? await calendars.freeTimes(for: appointment, from: days[0], through: days[13], anyTherapist: anyone)) ?? []
        }
        if anyone {
            // One choice per time: the first therapist free then, as booking "anyone" picks.
            var seen = Set<Instant>()
            slots = slots.filter { seen.insert($0.start).inserted }
        }
        var perDay: [LocalDate: [Slot]] = [:]
        for slot in slots { perDay[facts.zone.local(slot.start).date, default: []].append(slot) }
        let chosen = LocalDate(iso: query["day"]).flatMap { days.contains($0) ? $0 : nil } ?? days.first { perDay[$0] != nil } ?? from
        let base = "/calendar/appointments/\(appointment.id)/reschedule?" + (from == today ? "" : "from=\(from)&")
        let who = anyone ? "&who=any" : ""
        let path = "/calendar/appointments/\(appointment.id)/reschedule?"
        let earlier = from > today ? path + "from=\(max(today, from.adding(days: -14)))" + who : nil
        let later = path + "from=\(from.adding(days: 14))" + who
        let names = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let page = CalendarReschedulePage(
            chrome: context.chrome("Reschedule"), id: appointment.id,
            summary: "\(facts.client), \(facts.service?.name ?? "appointment") with \(facts.therapist), now \(facts.when). Pick a new time below and the client is emailed it.",
            canMove: appointment.status == .booked,
            days: days.map { .init(label: SpokenTime.shortDay($0), href: base + "day=\($0)" + who, count: perDay[$0]?.count ?? 0, selected: $0 == chosen) },
            dayLabel: chosen.spoken,
            times: (perDay[chosen] ?? []).map { slot in
                let time = SpokenTime.time(facts.zone.local(slot.start).time)
                return .init(value: "\(slot.start.milliseconds)|\(slot.therapistId)",
                             label: anyone ? "\(time) with \(names[slot.therapistId] ?? "")" : time)
            },
            anyTherapist: anyone, sameLink: base + "day=\(chosen)", anyLink: base + "day=\(chosen)&who=any", therapist: facts.therapist,
            problem: problem, backLink: "/calendar/appointments/\(appointment.id)", earlier: earlier, later: later)
        return services.views.page("calendar_reschedule", page, status: status)
    }
}
