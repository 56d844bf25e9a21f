import LumbarClinic
import LumbarCore
import LumbarZones

/// Builds the client's portal from their appointments, intake and consents, home program, receipts and signed visit
/// notes, with an audit row for each kind of information it shows (committed by the route before the page is sent).
struct PortalView {
    let services: AppServices

    func page(_ client: Client, chrome: Chrome, account: Account, context: AppRequestContext) async throws -> (PortalPage, [AuditEntry]) {
        let now = services.now
        let zone = try await services.clinicTime().rules
        let today = zone.local(now).date
        let audit = { (info: AuditEntry.InfoType, detail: String) in services.auditEntry(account, context, .view, info, client: client.id, detail: detail) }
        var viewed = [audit(.contact, "own portal"), audit(.appointment, "own appointments")]

        let window = TimeRange(start: now.adding(seconds: -400 * 86_400), end: now.adding(seconds: 800 * 86_400))
        let appointments = try await services.appointments.list(window: window, clientId: client.id, activeOnly: false)
        let rules = try await services.scheduling.rules()
        let names = Dictionary(try await services.scheduling.services().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let therapists = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(try await services.scheduling.locations().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func local(_ appointment: Appointment) -> LocalDateTime {
            (locations[appointment.locationId].flatMap { FoundationZone(identifier: $0.timeZone) } ?? zone).local(appointment.start)
        }
        // A visit under way is still upcoming until it ends: the client is at the clinic, not done.
        let ahead = { (appointment: Appointment) in (appointment.status == .booked || appointment.status == .arrived) && appointment.end > now }
        let upcoming = appointments.filter(ahead).sorted { $0.start < $1.start }.map { appointment in
            let when = local(appointment)
            let late = rules.isLateCancellation(start: appointment.start, now: now)
            let change = "/book/times?" + ClientBookingRoutes.query([
                ("service", appointment.serviceId), ("location", appointment.locationId), ("therapist", appointment.therapistId), ("reschedule", appointment.id),
                ("from", when.date.description), ("day", when.date.description)])
            let underWay = appointment.start <= now
            var visit = PortalPage.Visit(
                id: appointment.id, when: SpokenTime.short(when), day: "\(SpokenTime.day(when.date, today: today)) at \(SpokenTime.time(when.time))",
                service: names[appointment.serviceId] ?? "Appointment", therapist: therapists[appointment.therapistId] ?? "your therapist",
                place: locations[appointment.locationId].map { "\($0.name), \($0.address)" } ?? "",
                changeLink: late || underWay ? nil : change,
                late: underWay ? "Happening now." : late ? "Less than \(rules.cancellationWindowHours) hours away: to change the time, please call the clinic."
                    + (rules.lateCancellationFeeCents > 0 ? " Cancelling now costs \(Money.text(rules.lateCancellationFeeCents))." : "") : nil)
            visit.underWay = underWay
            return visit
        }
        let past = appointments.filter { !ahead($0) }.sorted { $0.start > $1.start }.prefix(5).map {
            // A booked visit whose time has passed is not "booked" to the client any more.
            PortalPage.Past(when: SpokenTime.short(local($0)), service: names[$0.serviceId] ?? "Appointment",
                            status: $0.status == .booked ? "Past" : Self.words($0.status))
        }
        let last = appointments.filter { $0.status == .completed || $0.status == .arrived }.max { $0.start < $1.start }
            ?? appointments.filter { $0.status == .booked }.max { $0.start < $1.start }
        let bookAgain = last.map { appointment in
            PortalPage.Link(label: "Book again with \(therapists[appointment.therapistId] ?? "the same therapist")",
                            link: "/book/times?" + ClientBookingRoutes.query([("service", appointment.serviceId), ("location", appointment.locationId),
                                                                               ("therapist", appointment.therapistId)]))
        }

        // Forms: the intake, and the consents that go with it.
        let intakes = try await services.intake.list(clientId: client.id)
        let latest = intakes.first(where: \.isSubmitted)
        let started = intakes.first { !$0.isSubmitted }
        let intake: PortalPage.Form
        if let started {
            intake = .init(label: "Health intake", state: "Started, not sent yet", done: false,
                           detail: "Your answers so far are saved.", link: "/intake", action: "Continue my intake")
        } else if let latest, let sent = latest.submittedAt {
            intake = .init(label: "Health intake", state: "Done", done: true, detail: "Sent \(SpokenTime.shortDay(zone.local(sent).date)).",
                           link: "/intake", action: "Update my health history")
        } else {
            intake = .init(label: "Health intake", state: "To fill in", done: false,
                           detail: "About ten minutes, before your first visit.", link: "/intake", action: "Start my intake")
        }
        viewed.append(audit(.intake, "intake status"))
        var consents: [PortalPage.Form] = []
        if let latest {
            let status = ConsentStatus(try await services.consents.list(clientId: client.id), intakeId: latest.id, appointmentId: nil)
            consents = [ConsentKind.treatment, .gluteal].map { kind in
                let label = ConsentRoutes.clientWords(kind).label
                let sign = "/intake/\(latest.id)/consent/\(kind.rawValue)"
                switch status.states[kind] ?? .missing {
                case .given(let consent):
                    return .init(label: label, state: "Signed", done: true, detail: "Signed \(SpokenTime.shortDay(zone.local(consent.at).date)).",
                                 withdrawId: consent.id)
                case .withdrawn(let at):
                    return .init(label: label, state: "Withdrawn", done: false, detail: "Withdrawn \(SpokenTime.shortDay(zone.local(at).date)).",
                                 link: sign, action: "Read and sign again")
                case .missing:
                    return .init(label: label, state: kind == .treatment ? "To sign" : "Not given", done: false,
                                 detail: kind == .treatment ? "Needed before your first treatment." : "Only if you want massage there.",
                                 link: sign, action: "Read and sign")
                }
            }
            viewed.append(audit(.consent, "consent status"))
        }
        let questionnaires = latest == nil ? [] : try await IntakeRules(services: services.clinicServices).repeatQuestionnaires().map {
            PortalPage.Link(label: "Fill in the \($0.name) again", link: "/me/questionnaires/\($0.rawValue)")
        }
        let paused = try await IntakeService(services: services).bookingBlock(clientId: client.id) != nil
            ? "Online booking is paused until your therapist hears that a doctor has checked you. Please call the clinic." : nil

        // The home program, with how the last week went.
        var program: PortalPage.Program?
        if let current = try await services.homePrograms.current(clientId: client.id) {
            let count = current.items.count
            program = .init(exercises: count == 1 ? "1 exercise" : "\(count) exercises",
                            progress: try await HomeProgramService(services: services).adherence(clientId: client.id, days: 7).summary)
            viewed.append(audit(.selfCare, "home program summary"))
        }

        let receipts = try await services.billing.receipts(clientId: client.id).sorted { $0.number > $1.number }.map {
            PortalPage.Receipt(id: $0.id, label: "Receipt \($0.number)\($0.isDuplicate ? " (copy)" : "")", issued: SpokenTime.shortDay(zone.local($0.issuedAt).date))
        }
        if !receipts.isEmpty { viewed.append(audit(.record, "receipt list")) }
        let ledger = try await services.billing.ledger(clientId: client.id)
        var account: [PortalPage.AccountLine] = ledger.packages.filter { $0.expiresAt > services.now }.map {
            .init(text: "\($0.name): \($0.remaining) of \($0.visits) visits left, to use by \(SpokenTime.shortDay(zone.local($0.expiresAt).date))")
        }
        if ledger.creditCents > 0 { account.append(.init(text: "Credit on your account: \(Money.text(ledger.creditCents)), used on your next visit if you wish")) }
        if ledger.owedCents > 0 { account.append(.init(text: "Still to pay: \(Money.text(ledger.owedCents))")) }
        if !account.isEmpty { viewed.append(audit(.appointment, "account summary")) }
        let offers: [PortalPage.Offer] = try await services.billing.packagePlans().filter { !$0.retired }.map { plan in
            let total = plan.priceCents + Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints)
            return .init(text: "\(plan.name): \(plan.visits) visits for \(Money.text(total)), to use within \(plan.validDays) days", link: "/me/packages/\(plan.id)")
        }

        // Signed visit notes (each correction counts with the note it corrects), newest first: what the record holds.
        let signed = try await services.visitNotes.list(clientId: client.id).filter { $0.status == .signed && $0.amends == nil }
        let notes = signed.reversed().map { PortalPage.Note(when: SpokenTime.shortDay(zone.local($0.signedAt ?? $0.createdAt).date), therapist: $0.authorName) }
        viewed.append(audit(.clinical, "visit note list, \(notes.count) signed"))

        let page = PortalPage(
            chrome: chrome, firstName: client.firstName, upcoming: upcoming, bookAgain: bookAgain, bookingPaused: paused,
            intake: intake, consents: consents, questionnaires: questionnaires, program: program, receipts: receipts, account: account, offers: offers,
            noteCount: Self.count(notes.count), notes: notes, past: Array(past))
        return (page, viewed)
    }

    /// "1 visit note", "3 visit notes", "No visit notes yet."
    static func count(_ notes: Int) -> String {
        notes == 0 ? "No visit notes yet." : notes == 1 ? "1 visit note" : "\(notes) visit notes"
    }

    /// An appointment's status as the client would say it.
    static func words(_ status: Appointment.Status) -> String {
        switch status {
        case .booked: "Booked"
        case .arrived, .completed: "Visited"
        case .noShow: "Missed"
        case .cancelled: "Cancelled"
        case .lateCancelled: "Cancelled late"
        }
    }
}
