import LumbarClinic
import LumbarCore
import LumbarZones

/// The day's use-case results as the home page's panels, with the audit rows for the clients they show.
struct TodayView {
    let services: AppServices

    /// The therapist's (or treating owner's) clients today; nil when `skipEmpty` and nobody is booked with them.
    func therapist(_ account: Account, _ context: AppRequestContext, skipEmpty: Bool = false) async throws -> (TherapistTodayPanel, [AuditEntry])? {
        let today = TodayService(services: services)
        let (zone, date) = try await today.today()
        let visits = try await today.therapistDay(therapistId: account.id)
        if skipEmpty && visits.isEmpty { return nil }
        let now = services.now
        let next = visits.first { $0.appointment.status == .booked && $0.appointment.end > now }?.appointment.id
        let cards = visits.map { visit in
            let appointment = visit.appointment
            let plan = visit.planVisit.flatMap { number in visit.plannedVisits.map { "Visit \(number) of \($0)" } }
            let minutes = Int(appointment.end.milliseconds - appointment.start.milliseconds) / 60_000
            let badges = (TodayWords.status(appointment.status).map { [$0] } ?? []) + visit.needs.map(TodayWords.badge)
            let (href, label): (String?, String?) = switch visit.note {
            case .notStarted: (nil, nil)
            case .draft(let id): ("/clients/\(visit.client.id)/visits/\(id)", "Continue note")
            case .signed(let id): ("/clients/\(visit.client.id)/visits/\(id)", "See signed note")
            }
            return TherapistTodayPanel.Card(
                clientId: visit.client.id, name: visit.client.fullName, time: SpokenTime.time(zone.local(appointment.start).time),
                // The length only when the service's name does not already say it ("Massage, 60 minutes").
                detail: ([visit.serviceName, visit.serviceName.contains("\(minutes) min") ? "" : "\(minutes) min"] + (plan.map { [$0] } ?? []))
                    .filter { !$0.isEmpty }.joined(separator: " · "),
                badges: badges.isEmpty ? [TodayBadge(text: "Nothing missing", kind: "ok")] : badges,
                startNote: visit.note == .notStarted && appointment.status != .noShow, noteHref: href, noteLabel: label,
                isNext: appointment.id == next, underWay: appointment.id == next && appointment.start <= now)
        }
        let needing = visits.filter { !$0.needs.isEmpty }.count
        let summary = visits.isEmpty ? "No clients are booked with you today."
            : "\(visits.count) \(visits.count == 1 ? "client" : "clients")" + (needing == 0 ? ", nothing missing." : "; \(needing) with something to see to.")
        let audit = Set(visits.map(\.client.id)).sorted().map {
            services.auditEntry(account, context, .view, .clinical, client: $0, detail: "today's list: intake, consent, plan and notes status")
        }
        return (TherapistTodayPanel(heading: "Your clients today, \(SpokenTime.shortDay(date))", summary: summary, cards: cards, hasCards: !cards.isEmpty), audit)
    }

    /// The front desk's day.
    func desk(_ account: Account, _ context: AppRequestContext) async throws -> (FrontDeskPanel, [AuditEntry]) {
        let today = TodayService(services: services)
        let (zone, _) = try await today.today()
        let day = try await today.frontDesk()
        func row(_ visit: FrontDeskDay.Visit) -> FrontDeskPanel.Visit {
            let badges = (TodayWords.status(visit.appointment.status).map { [$0] } ?? []) + visit.needs.map(TodayWords.badge)
            return FrontDeskPanel.Visit(
                appointmentId: visit.appointment.id, clientId: visit.client.id, name: visit.client.fullName,
                time: SpokenTime.time(zone.local(visit.appointment.start).time),
                detail: [visit.therapistName.isEmpty ? "" : "with \(visit.therapistName)", visit.serviceName].filter { !$0.isEmpty }.joined(separator: " · "),
                badges: badges, hasBadges: !badges.isEmpty, actionable: visit.appointment.status == .booked, phone: visit.client.phone,
                phoneHref: "tel:" + visit.client.phone.filter { $0.isNumber || $0 == "+" })
        }
        let owing = day.owing.map {
            FrontDeskPanel.Owing(clientId: $0.client.id, name: $0.client.fullName, time: SpokenTime.time(zone.local($0.appointment.start).time),
                                 detail: $0.description, amount: Money.text($0.owedCents))
        }
        let arrived = day.arrivals.filter { $0.appointment.status == .arrived || $0.appointment.status == .completed }.count
        let total = day.owing.map(\.owedCents).reduce(0, +)
        let summary = day.arrivals.isEmpty ? "No visits are booked today."
            : "\(day.arrivals.count) \(day.arrivals.count == 1 ? "visit" : "visits") today, \(arrived) arrived" + (total > 0 ? "; \(Money.text(total)) to collect." : ".")
        let shown = Set(day.arrivals.map(\.client.id) + day.owing.map(\.client.id) + day.unconfirmed.map(\.client.id)).sorted()
        let audit = shown.map { services.auditEntry(account, context, .view, .appointment, client: $0, detail: "front desk's day: visits, amounts owed") }
        return (FrontDeskPanel(dayLabel: SpokenTime.shortDay(day.day), tomorrowLabel: SpokenTime.shortDay(day.day.adding(days: 1)), summary: summary,
                               arrivals: day.arrivals.map(row), hasArrivals: !day.arrivals.isEmpty, owing: owing, hasOwing: !owing.isEmpty,
                               owingTotal: Money.text(total), unconfirmed: day.unconfirmed.map(row), hasUnconfirmed: !day.unconfirmed.isEmpty),
                audit)
    }
}
