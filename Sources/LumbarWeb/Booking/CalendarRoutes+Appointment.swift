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
            let account = try context.staff()
            let appointment = try await find(context)
            let facts = try await facts(appointment)
            let reason = appointment.status.holdsTime ? nil : try await services.appointments.cancelReason(id: appointment.id)
            try await services.audit(account, context, .view, .appointment, client: appointment.clientId, detail: "appointment details")
            var chrome = context.chrome("Appointment")
            chrome.notice = Self.saved[FormData(encoded: request.uri.query ?? "")["saved"]]
            let service = facts.service
            let tax = service.map { ($0.priceCents * $0.taxBasisPoints + 5_000) / 10_000 } ?? 0
            let price = service.map { "\(Money.text($0.priceCents + tax)) (\(Money.text($0.priceCents)) and \(Money.text(tax)) tax)" } ?? ""
            return services.views.page("calendar_appointment", CalendarAppointmentPage(
                chrome: chrome, id: appointment.id, heading: "\(facts.client) · \(CalendarWords.short(facts.zone.local(appointment.start).date))",
                clientId: appointment.clientId, client: facts.client, service: service?.name ?? "", therapist: facts.therapist, room: facts.room,
                when: facts.when, status: CalendarGridHTML.statusWords(appointment.status), price: price,
                fee: appointment.status == .lateCancelled ? Money.text(appointment.feeCents) : nil, cancelReason: reason, canChange: appointment.status == .booked,
                calendarLink: facts.calendarLink))
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
            let parts = context.form["slot"].split(separator: "|", maxSplits: 1).map(String.init)
            let query = FormData(encoded: request.uri.query ?? "")
            guard parts.count == 2, let milliseconds = Int64(parts[0]) else {
                return try await reschedulePage(appointment, query, context, problem: "Choose one of the free times.", status: .unprocessableContent)
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

    func facts(_ appointment: Appointment) async throws -> Facts {
        let location = try await services.scheduling.location(id: appointment.locationId)
        let zone = location.flatMap { FoundationZone(identifier: $0.timeZone) } ?? FoundationZone(identifier: "UTC")!
        let start = zone.local(appointment.start), end = zone.local(appointment.end)
        return Facts(
            zone: zone, client: try await services.clients.find(id: appointment.clientId)?.fullName ?? "Client",
            service: try await services.scheduling.service(id: appointment.serviceId),
            therapist: try await services.accounts.find(id: appointment.therapistId)?.name ?? "",
            room: appointment.roomId.flatMap { id in location?.rooms.first { $0.id == id }?.name },
            when: "\(CalendarWords.long(start.date)), \(CalendarWords.range(start.time, end.time))",
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
        let days = (0..<14).map { today.adding(days: $0) }
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
        let chosen = LocalDate(iso: query["day"]).flatMap { days.contains($0) ? $0 : nil } ?? days.first { perDay[$0] != nil } ?? today
        let base = "/calendar/appointments/\(appointment.id)/reschedule?"
        let who = anyone ? "&who=any" : ""
        let names = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let page = CalendarReschedulePage(
            chrome: context.chrome("Reschedule"), id: appointment.id,
            summary: "\(facts.client), \(facts.service?.name ?? "appointment") with \(facts.therapist), now \(facts.when). Pick a new time below and the client is emailed it.",
            canMove: appointment.status == .booked,
            days: days.map { .init(label: CalendarWords.short($0), href: base + "day=\($0)" + who, count: perDay[$0]?.count ?? 0, selected: $0 == chosen) },
            dayLabel: CalendarWords.long(chosen),
            times: (perDay[chosen] ?? []).map { slot in
                let time = CalendarWords.time(facts.zone.local(slot.start).time)
                return .init(value: "\(slot.start.milliseconds)|\(slot.therapistId)",
                             label: anyone ? "\(time) with \(names[slot.therapistId] ?? "")" : time)
            },
            anyTherapist: anyone, sameLink: base + "day=\(chosen)", anyLink: base + "day=\(chosen)&who=any", therapist: facts.therapist,
            problem: problem, backLink: "/calendar/appointments/\(appointment.id)")
        return services.views.page("calendar_reschedule", page, status: status)
    }
}
