import LumbarClinic
import LumbarCore
import LumbarZones
import PropertyBased
import Testing
import TestSupport

/// The day's use case on the in-memory store: each need shows exactly when its condition holds, a therapist's visits
/// in time order, and the front desk's arrivals, money owed and tomorrow's unconfirmed visits.
@Suite struct TodayServiceTests {
    static let now = BookingServiceTests.now
    static let zone = FoundationZoneClock.toronto
    /// Wednesday 18 November 2026, the test clock's day in Toronto.
    static let today = zone.local(now).date

    static func at(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant {
        zone.instant(LocalDateTime(day, WallTime(hour: hour, minute: minute)!))!
    }

    // MARK: The rule, on its own facts

    static let appointment = Appointment(id: "a1", clientId: "c1", therapistId: "theo", locationId: "l", roomId: nil, serviceId: "s",
                                         start: at(today, 10), end: at(today, 11), occupiedUntil: at(today, 11, 15))
    static let episode = Intake(id: "i1", clientId: "c1", createdAt: now.adding(seconds: -86_400), updatedAt: now.adding(seconds: -86_400),
                                submittedAt: now.adding(seconds: -86_000), urgency: .routine)

    static func consent(_ kind: ConsentKind, intake: String? = "i1", appointment: String? = nil, at: Instant = now.adding(seconds: -86_000)) -> Consent {
        Consent(id: "\(kind.rawValue)-\(at.milliseconds)", clientId: "c1", kind: kind, intakeId: intake, appointmentId: appointment, textVersion: "1",
                text: "I agree", signerName: "Ada Alpha", signature: .typed, signatureData: "Ada Alpha", recordedBy: nil, at: at)
    }

    static func plan(areas: [BodyRegion] = [.lumbarLeft], visits: Int = 6, reassessOn: LocalDate = today.adding(days: 14), version: Int = 1,
                     createdAt: Instant = now.adding(seconds: -80_000)) -> TreatmentPlan {
        TreatmentPlan(id: "p\(version)", clientId: "c1", intakeId: "i1", version: version, goals: ["Garden again"], techniques: [], areas: areas,
                      pressure: .moderate, frequency: "weekly", visits: visits, reassessOn: reassessOn, createdBy: "theo", createdAt: createdAt)
    }

    static func note(_ status: VisitNote.Status, author: String = "theo", appointment: String? = "old", at: Instant = now.adding(seconds: -40_000)) -> VisitNote {
        VisitNote(id: "n\(at.milliseconds)\(author)\(appointment ?? "")", clientId: "c1", appointmentId: appointment, authorId: author, status: status,
                  createdAt: at, signedAt: status == .signed ? at : nil)
    }

    static func needs(intakes: [Intake] = [episode], cleared: Bool = false, consents: [Consent] = [consent(.treatment)], plan: TreatmentPlan? = nil,
                      notes: [VisitNote] = []) -> [VisitNeed] {
        VisitNeed.needs(appointment: appointment, therapistId: "theo", intakes: intakes, cleared: cleared, consents: consents, plan: plan,
                        notes: notes, today: today)
    }

    @Test func aClientWithIntakeConsentAndNoPlanNeedsNothing() {
        #expect(Self.needs() == [])
    }

    /// A precaution that changes the treatment always shows; a deferral shows until a physician's clearance.
    @Test func aChangedOrDeferredTreatmentShows() {
        func episode(_ decision: TreatmentDecision) -> Intake {
            Intake(id: "i1", clientId: "c1", createdAt: Self.now.adding(seconds: -86_400), updatedAt: Self.now.adding(seconds: -86_400),
                   submittedAt: Self.now.adding(seconds: -86_000), urgency: .routine, decision: decision)
        }
        #expect(Self.needs(intakes: [episode(.proceed)]) == [])
        #expect(Self.needs(intakes: [episode(.modify)]) == [.treatment(.modify)])
        #expect(Self.needs(intakes: [episode(.modify)], cleared: true) == [.treatment(.modify)])
        #expect(Self.needs(intakes: [episode(.deferTreatment)]) == [.treatment(.deferTreatment)])
        #expect(Self.needs(intakes: [episode(.deferTreatment)], cleared: true) == [])
        #expect(VisitNeed.treatment(.modify).isClinical)
    }

    @Test func intakeNeedsShowOnlyWhenTheIntakeIsMissingOrUnfinished() {
        #expect(Self.needs(intakes: [], consents: []) == [.noIntake])
        let draft = Intake(id: "i0", clientId: "c1", createdAt: Self.now, updatedAt: Self.now)
        #expect(Self.needs(intakes: [draft], consents: []) == [.intakeUnfinished])
        #expect(Self.needs(intakes: [draft, Self.episode]) == [.intakeUnfinished], "a newer intake begun and not sent")
        #expect(!VisitNeed.noIntake.isClinical && !VisitNeed.intakeUnfinished.isClinical)
    }

    @Test func triageShowsForUrgentAndEmergencyUntilCleared() {
        for urgency in Urgency.allCases {
            var intake = Self.episode
            intake.urgency = urgency
            #expect(Self.needs(intakes: [intake]) == (urgency >= .urgent ? [.triage(urgency)] : []), "\(urgency)")
            #expect(Self.needs(intakes: [intake], cleared: true) == [])
        }
        #expect(VisitNeed.triage(.emergency).isClinical)
    }

    @Test func consentNeedsFollowThePlanAndTheVisit() {
        #expect(Self.needs(consents: []) == [.consent(.treatment)])
        #expect(Self.needs(consents: [Self.consent(.treatment, intake: "older")]) == [.consent(.treatment)], "consent belongs to the episode")
        let gluteal = Self.plan(areas: [.glutealLeft, .lumbarLeft])
        #expect(Self.needs(plan: gluteal) == [.consent(.gluteal)])
        #expect(Self.needs(consents: [Self.consent(.treatment), Self.consent(.gluteal)], plan: gluteal) == [])
        let thigh = Self.plan(areas: [.thighInnerLeft])
        #expect(Self.needs(plan: thigh) == [.consent(.innerThigh)])
        #expect(Self.needs(consents: [Self.consent(.treatment), Self.consent(.innerThigh, appointment: "a1")], plan: thigh) == [])
        #expect(Self.needs(consents: [Self.consent(.treatment), Self.consent(.innerThigh, appointment: "other")], plan: thigh) == [.consent(.innerThigh)],
                "inner-thigh consent is for this visit only")
        // A changed plan asks again: consent given before version 2 no longer counts.
        let changed = Self.plan(areas: [.glutealLeft], version: 2, createdAt: Self.now.adding(seconds: -1000))
        #expect(Self.needs(consents: [Self.consent(.treatment), Self.consent(.gluteal)], plan: changed) == [.consent(.treatment), .consent(.gluteal)])
        #expect(Self.needs(consents: [Self.consent(.treatment, at: Self.now), Self.consent(.gluteal, at: Self.now)], plan: changed) == [])
    }

    @Test func reassessmentIsDueOnItsDateOrWhenThePlannedVisitsAreUsed() {
        #expect(Self.needs(plan: Self.plan()) == [])
        #expect(Self.needs(plan: Self.plan(reassessOn: Self.today)) == [.reassessment(dueOn: Self.today, visitsDone: nil)])
        #expect(Self.needs(plan: Self.plan(reassessOn: Self.today.adding(days: -3))) == [.reassessment(dueOn: Self.today.adding(days: -3), visitsDone: nil)])
        let two = [Self.note(.signed, at: Self.now.adding(seconds: -30_000)), Self.note(.signed, at: Self.now.adding(seconds: -20_000))]
        #expect(Self.needs(plan: Self.plan(visits: 3), notes: two) == [])
        #expect(Self.needs(plan: Self.plan(visits: 2), notes: two) == [.reassessment(dueOn: nil, visitsDone: 2)])
        let before = [Self.note(.signed, at: Self.now.adding(seconds: -90_000))]
        #expect(Self.needs(plan: Self.plan(visits: 1), notes: before) == [], "visits before the plan do not count")
    }

    @Test func unsignedNotesAreTheTherapistsOwnFromOtherVisits() {
        #expect(Self.needs(notes: [Self.note(.draft)]) == [.unsignedNotes(1)])
        #expect(Self.needs(notes: [Self.note(.draft), Self.note(.draft, appointment: nil, at: Self.now.adding(seconds: -5))]) == [.unsignedNotes(2)])
        #expect(Self.needs(notes: [Self.note(.draft, appointment: "a1")]) == [], "today's own note in progress is not a need")
        #expect(Self.needs(notes: [Self.note(.draft, author: "rosa")]) == [], "another therapist's draft")
        #expect(Self.needs(notes: [Self.note(.signed)]) == [])
    }

    // MARK: The day, on the in-memory store

    struct Day {
        let clinic: BookingServiceTests.Clinic
        let service: TodayService
        var seed: ContractSeed { clinic.seed }
    }

    static func day() async throws -> Day {
        let clinic = try await BookingServiceTests.clinic()
        clinic.store.clinic.set(ClinicProfile(name: "Clinic", address: "1 King St", timeZone: "America/Toronto"))
        return Day(clinic: clinic, service: TodayService(services: clinic.services, visitNotes: clinic.store.visitNotes, consents: clinic.store.consents,
                                                         plans: clinic.store.treatmentPlans, billing: clinic.store.billing))
    }

    static func client(_ day: Day, _ first: String) async throws -> Client {
        try await day.clinic.services.clients.create(Client(id: "", firstName: first, lastName: "Test", phone: "416-555-0100"), at: now)
    }

    static func book(_ day: Day, _ client: Client, at start: Instant, therapist: Account? = nil) async throws -> Appointment {
        var appointment = day.seed.appointment(RandomUUID.make(), at: start, therapist: therapist)
        appointment.clientId = client.id
        try await day.clinic.services.appointments.book([appointment], bookedBy: day.seed.theo.id, mail: [], at: now)
        return appointment
    }

    @Test func aTherapistsDayListsTheirOwnVisitsInTimeOrderWithWhatEachNeeds() async throws {
        let day = try await Self.day()
        let late = try await Self.client(day, "Late"), early = try await Self.client(day, "Early"), middle = try await Self.client(day, "Middle")
        let other = try await Self.client(day, "Other")
        let three = try await Self.book(day, late, at: Self.at(Self.today, 15))
        let one = try await Self.book(day, early, at: Self.at(Self.today, 9))
        _ = try await Self.book(day, middle, at: Self.at(Self.today, 12))
        _ = try await Self.book(day, other, at: Self.at(Self.today, 10), therapist: day.seed.rosa)
        _ = try await Self.book(day, other, at: Self.at(Self.today.adding(days: 1), 9))
        // Early has sent their intake; Middle began one; Late has none.
        let draft = try await day.clinic.services.intake.createDraft(clientId: early.id, answers: IntakeAnswers(), startedBy: nil, at: Self.now)
        try await day.clinic.services.intake.submit(draft, IntakeSubmission(
            inputJSON: "{}", resultJSON: "{}", urgency: .emergency, decision: .deferTreatment, history: IntakeAnswers(), responses: [], alerts: [],
            audit: AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: early.id, infoType: .intake, action: .create, address: "test"),
            recordedBy: nil, contact: nil), at: Self.now)
        _ = try await day.clinic.services.intake.createDraft(clientId: middle.id, answers: IntakeAnswers(), startedBy: nil, at: Self.now)

        let visits = try await day.service.therapistDay(therapistId: day.seed.theo.id)
        #expect(visits.map(\.client.firstName) == ["Early", "Middle", "Late"])
        #expect(visits.map(\.needs) == [[.triage(.emergency), .consent(.treatment)], [.intakeUnfinished], [.noIntake]])
        #expect(visits.allSatisfy { $0.note == .notStarted && $0.serviceName == "Massage 60" && $0.planVisit == nil })
        #expect(try await day.service.therapistDay(therapistId: day.seed.rosa.id).map(\.client.firstName) == ["Other"])

        // A note begun for a visit shows as in progress; signed, as done.
        let note = try await VisitNoteService(services: day.clinic.services, notes: day.clinic.store.visitNotes, consents: day.clinic.store.consents)
            .start(clientId: early.id, appointmentId: one.id, author: day.seed.theo, diary: "")
        #expect(try await day.service.therapistDay(therapistId: day.seed.theo.id).first?.note == .draft(id: note.id))
        try await day.clinic.services.appointments.setStatus(id: three.id, .cancelled, at: Self.now)
        #expect(try await day.service.therapistDay(therapistId: day.seed.theo.id).map(\.client.firstName) == ["Early", "Middle"], "a cancelled visit leaves the list")
    }

    @Test func theDayIsTheClinicsOwnOnAClockChangeDay() async throws {
        let day = try await Self.day()
        // Sunday 1 November 2026: Toronto's clocks go back, the day has 25 hours.
        let sunday = LocalDate(year: 2026, month: 11, day: 1)!
        let ada = try await Self.client(day, "Ada")
        _ = try await Self.book(day, ada, at: Self.at(sunday, 23))
        _ = try await Self.book(day, ada, at: Self.at(sunday, 1, 30))
        _ = try await Self.book(day, ada, at: Self.at(sunday.adding(days: 1), 0, 30))
        let visits = try await day.service.therapistDay(therapistId: day.seed.theo.id, on: sunday)
        #expect(visits.map { Self.zone.local($0.appointment.start).time.minutes } == [90, 23 * 60])
    }

    @Test func theFrontDeskSeesArrivalsWhatIsOwedAndTomorrowsUnconfirmed() async throws {
        let day = try await Self.day()
        let ada = try await Self.client(day, "Ada"), ben = try await Self.client(day, "Ben"), cy = try await Self.client(day, "Cy")
        let first = try await Self.book(day, ada, at: Self.at(Self.today, 9))
        let second = try await Self.book(day, ben, at: Self.at(Self.today, 11))
        let tomorrow = try await Self.book(day, cy, at: Self.at(Self.today.adding(days: 1), 10))
        let later = try await Self.book(day, ada, at: Self.at(Self.today.adding(days: 1), 14))

        var desk = try await day.service.frontDesk()
        #expect(desk.day == Self.today && desk.arrivals.map(\.client.firstName) == ["Ada", "Ben"] && desk.owing.isEmpty)
        #expect(desk.arrivals.map(\.needs) == [[.noIntake], [.noIntake]] && desk.arrivals.allSatisfy { $0.therapistName == "Theo" })
        #expect(desk.unconfirmed.map(\.appointment.id) == [tomorrow.id, later.id])

        // Arrived and not yet paid: the price with HST is owed, less what is paid.
        try await day.clinic.services.appointments.setStatus(id: first.id, .arrived, at: Self.now)
        try await day.clinic.services.appointments.setStatus(id: second.id, .noShow, feeCents: 5000, at: Self.now)
        desk = try await day.service.frontDesk()
        #expect(desk.owing.map(\.owedCents) == [13_560, 5000] && desk.owing.map(\.client.firstName) == ["Ada", "Ben"])
        let audit = AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: ada.id, infoType: .appointment, action: .create, address: "test")
        let store = day.clinic.store
        let ledger = LedgerService(billing: store.billing, clinic: store.clinic, accounts: store.accounts, scheduling: store.scheduling,
                                   clock: WallClock { Self.now })
        let cashier = LedgerService.Actor(account: day.seed.theo, address: "test")
        let arrived = try #require(try await store.appointments.find(id: first.id))
        let invoice = try #require(try await ledger.invoice(arrived, by: cashier))
        try await ledger.pay(invoiceId: invoice.id, .init(cents: 10_000, method: .debit), by: cashier)
        #expect(try await day.service.frontDesk().owing.map(\.owedCents) == [3560, 5000])
        try await ledger.pay(invoiceId: invoice.id, .init(cents: 3560, method: .cash), by: cashier)
        #expect(try await day.service.frontDesk().owing.map(\.client.firstName) == ["Ben"])

        // Confirmed: off tomorrow's list, kept once.
        try await day.service.confirm(tomorrow, audit: audit)
        desk = try await day.service.frontDesk()
        #expect(desk.unconfirmed.map(\.appointment.id) == [later.id])
        #expect(try await day.clinic.services.appointments.find(id: tomorrow.id)?.confirmedAt == Self.now)
        day.clinic.clock.advance(seconds: 60)
        try await day.service.confirm(tomorrow, audit: audit)
        #expect(try await day.clinic.services.appointments.find(id: tomorrow.id)?.confirmedAt == Self.now)
        #expect((desk.arrivals + desk.unconfirmed).flatMap(\.needs).allSatisfy { !$0.isClinical })
    }

    /// Whatever the day holds, a therapist's list is exactly their visits that start today and hold their time, in time
    /// order; the front desk's arrivals are everyone's, and tomorrow's list the booked ones not confirmed.
    @Test func anyDayIsListedWhole() async throws {
        let slots = Gen.int(in: 0...(3 * 48 - 1)).array(of: 0...14)
        let kinds = Gen.int(in: 0...5).array(of: 15)
        await propertyCheck(count: 25, input: slots, kinds) { slots, kinds in
            let day = try await Self.day()
            let ada = try await Self.client(day, "Ada")
            var booked: [Appointment] = []
            // Half-hour slots from yesterday's midnight over three days; each kind picks therapist, status and confirmation.
            for (index, slot) in Set(slots).sorted().enumerated() {
                let kind = kinds[index]
                let start = Self.at(Self.today.adding(days: slot / 48 - 1), (slot % 48) / 2, (slot % 2) * 30)
                let therapist = kind % 2 == 0 ? day.seed.theo : day.seed.rosa
                guard var appointment = try? await Self.book(day, ada, at: start, therapist: therapist) else { continue }
                if kind == 4 { try await day.clinic.services.appointments.setStatus(id: appointment.id, .cancelled, at: Self.now); appointment.status = .cancelled }
                if kind == 5 { try await day.service.confirm(appointment, audit: AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: ada.id,
                                                                                          infoType: .appointment, action: .change, address: "test"))
                    appointment.confirmedAt = Self.now }
                booked.append(appointment)
            }
            func on(_ date: LocalDate) -> [Appointment] {
                booked.filter { Self.zone.local($0.start).date == date && $0.status.holdsTime }.sorted { $0.start < $1.start }
            }
            let theirs = try await day.service.therapistDay(therapistId: day.seed.theo.id)
            #expect(theirs.map(\.appointment.id) == on(Self.today).filter { $0.therapistId == day.seed.theo.id }.map(\.id))
            let desk = try await day.service.frontDesk()
            #expect(desk.arrivals.map(\.appointment.id) == on(Self.today).map(\.id))
            #expect(desk.unconfirmed.map(\.appointment.id) == on(Self.today.adding(days: 1)).filter { $0.confirmedAt == nil }.map(\.id))
            #expect(zip(theirs, theirs.dropFirst()).allSatisfy { $0.appointment.start <= $1.appointment.start })
        }
    }
}
