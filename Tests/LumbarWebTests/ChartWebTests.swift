import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Issue 19, the chart: a header that answers at a glance, short sections one tap apart, a therapist's words.
@Suite struct ChartWebTests {
    /// The text of the element with `id` (its opening tag to the next closing `</dd>`, `</p>` or `</details>`).
    static func fact(_ body: String, _ id: String, until end: String = "</dd>") -> String {
        guard let start = body.range(of: "id=\"\(id)\"") else { return "" }
        let rest = body[start.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    struct Seeded {
        let fixture: WebFixture
        let owing: Appointment
        let next: Appointment
    }

    /// Ada with a sent intake (no consent signed), a plan of six visits, an unpaid visit and a booked one next week.
    static func seeded() async throws -> Seeded {
        let setup = try await BookingAPITests.setUp(.sqlite, clockAt: "2026-11-20T14:00:00Z")
        let fixture = setup.fixture
        let booking = BookingService(services: fixture.services)
        let day: Int64 = 86_400_000
        let friday = Instant(milliseconds: 1_795_204_800_000)
        let owing = try await booking.book(clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id,
                                           therapistId: fixture.therapist.id, starts: [friday], bookedBy: fixture.frontDesk, channel: .staff)[0]
        try await fixture.services.appointments.setStatus(id: owing.id, .completed, at: fixture.clock.now)
        let next = try await booking.book(clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id,
                                          therapistId: fixture.therapist.id, starts: [Instant(milliseconds: friday.milliseconds + 7 * day)],
                                          bookedBy: fixture.frontDesk, channel: .staff)[0]
        let plan = TreatmentPlan(clientId: fixture.clientA.id, intakeId: nil, goals: ["Lift my toddler without pain"],
                                 techniques: [.init(technique: .swedish, engineStatus: .suitable, chosen: true)], areas: [.lumbarLeft],
                                 pressure: .moderate, frequency: "once a week", visits: 6, reassessOn: LocalDate(year: 2026, month: 12, day: 18)!,
                                 createdBy: fixture.therapist.id, createdAt: Instant(milliseconds: fixture.clock.now.milliseconds - 30 * day))
        _ = try await fixture.services.treatmentPlans.save(plan, audit: AuditEntry(at: plan.createdAt, actorId: fixture.therapist.id, actorRole: .therapist,
                                                                                   clientId: fixture.clientA.id, infoType: .clinical, action: .create, address: "test"))
        return Seeded(fixture: fixture, owing: owing, next: next)
    }

    /// A signed visit note `daysAgo` days back, rating pain `pain`, with the findings and a PSFS average given.
    static func signVisit(_ fixture: WebFixture, pain: Int, daysAgo: Int64, findings: Set<Finding> = [], psfs: Double? = nil) async throws {
        let at = Instant(milliseconds: fixture.clock.now.milliseconds - daysAgo * 86_400_000)
        var note = try await fixture.services.visitNotes.createDraft(VisitNote(clientId: fixture.clientA.id, authorId: fixture.therapist.id, createdAt: at))
        note.painNow = pain
        note.findings = findings
        note.subjective = "Much the same."
        note.plan = "Continue weekly."
        try await fixture.services.visitNotes.saveDraft(note, at: at)
        let outcomes = psfs.map { [QuestionnaireResponse(clientId: fixture.clientA.id, intakeId: nil, instrument: .psfs, definitionVersion: "built-in",
                                                         answers: [("score", "4")], score: $0, at: at)] } ?? []
        try await fixture.services.visitNotes.sign(id: note.id, assessmentJSON: nil, urgency: .routine, outcomes: outcomes, recordedBy: fixture.therapist.id,
                                                   audit: AuditEntry(at: at, actorId: fixture.therapist.id, actorRole: .therapist, clientId: fixture.clientA.id,
                                                                     infoType: .clinical, action: .create, address: "test", detail: "visit note signed"),
                                                   at: at)
    }

    @Test func theHeaderAnswersAtAGlance() async throws {
        let seeded = try await Self.seeded()
        let fixture = seeded.fixture
        try await Self.signVisit(fixture, pain: 6, daysAgo: 14)
        try await Self.signVisit(fixture, pain: 4, daysAgo: 7)
        try await fixture.test { client in
            _ = try await IntakeWebTests.submitted(client)
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let chart = try await theo.get("/clients/\(fixture.clientA.id)").body
            #expect(Self.fact(chart, "fact-pain").contains("4/10") && Self.fact(chart, "fact-pain").contains("down from 6 the visit before"))
            #expect(Self.fact(chart, "fact-plan").contains("visit 3 of 6 · reassess on Fri 18 Dec"), "two visits signed under the plan")
            #expect(Self.fact(chart, "fact-consent").contains("missing: assessment and treatment"))
            #expect(Self.fact(chart, "fact-balance").contains("$135.60 owing"), "the completed visit is unpaid: $120 and 13% HST")
            #expect(Self.fact(chart, "fact-next").contains("Fri 27 Nov, 3:00 p.m.") && Self.fact(chart, "fact-next").contains("with Theo Therapist"))
            #expect(Self.fact(chart, "fact-triage").contains("class=\"badge "))
            // The consent table names, of the consents not given, only the one treatment needs; the rest are one line.
            let consents = Self.fact(chart, "consent-heading", until: "</table>")
            #expect(consents.contains("Assessment and treatment") && !consents.contains("Chest wall"))
            #expect(Self.fact(chart, "consents-not-needed", until: "</p>").contains("chest wall (written, this visit)"))
            #expect(chart.contains("id=\"plan-link\"") && chart.contains("id=\"billing-link\"") && chart.contains(">Start a visit note</button>"))
            // The header is on every section; each section is one tap from the row at the top.
            for section in ClientRecordPage.Section.allCases {
                #expect(chart.contains("href=\"/clients/\(fixture.clientA.id)\(section == .overview ? "" : "?section=\(section.rawValue)")\" id=\"section-\(section.rawValue)\""))
                let page = try await theo.get("/clients/\(fixture.clientA.id)\(section == .overview ? "" : "?section=\(section.rawValue)")")
                #expect(page.status == .ok && page.body.contains("id=\"fact-pain\"") && page.body.contains("id=\"section-\(section.rawValue)\" aria-current=\"page\""))
            }

            #expect(try await theo.get("/clients/\(fixture.clientA.id)?section=documents").body.contains("No documents kept yet."))

            // A worse visit turns the trend; paying the visit clears the balance.
            try await Self.signVisit(fixture, pain: 7, daysAgo: 1)
            let cashier = LedgerService.Actor(account: fixture.frontDesk, address: "test")
            let owing = try #require(try await fixture.services.appointments.find(id: seeded.owing.id))
            let invoice = try #require(try await fixture.services.ledger.invoice(owing, by: cashier))
            try await fixture.services.ledger.pay(invoiceId: invoice.id, .init(cents: 13_560, method: .debit), by: cashier)
            let later = try await theo.get("/clients/\(fixture.clientA.id)?section=visits").body
            #expect(Self.fact(later, "fact-pain").contains("7/10") && Self.fact(later, "fact-pain").contains("up from 4 the visit before"))
            #expect(Self.fact(later, "fact-plan").contains("visit 4 of 6"))
            #expect(Self.fact(later, "fact-balance").contains("nothing owing"))

            // The front desk sees the visit and the money, nothing clinical, and no clinical section even when asked for.
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let front = try await desk.get("/clients/\(fixture.clientA.id)?section=visits").body
            #expect(front.contains("id=\"fact-next\"") && front.contains("id=\"fact-balance\"") && front.contains("id=\"fact-intake\""))
            #expect(!front.contains("id=\"fact-pain\"") && !front.contains("id=\"visit-notes\"") && !front.contains("section=visits\""))
        }
    }

    @Test func noIntakeNoPlanNoVisitsSaySo() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let chart = try await theo.get("/clients/\(fixture.clientA.id)").body
            #expect(Self.fact(chart, "fact-triage").contains("no intake sent yet"))
            #expect(Self.fact(chart, "fact-plan").contains("none yet") && Self.fact(chart, "fact-pain").contains("not rated"))
            #expect(Self.fact(chart, "fact-next").contains("none booked") && Self.fact(chart, "fact-balance").contains("nothing owing"))
        }
    }

    /// A therapist's own draft is offered before another note is started; the count of drafts links to them.
    @Test func theChartOffersTheTherapistsOwnDraftFirst() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let before = try await theo.get("/clients/\(fixture.clientA.id)").body
            #expect(before.contains(">Start a visit note</button>") && !before.contains("id=\"resume-draft\""))
            let draft = try await fixture.services.visitNotes.createDraft(VisitNote(clientId: fixture.clientA.id, authorId: fixture.therapist.id,
                                                                                   createdAt: fixture.clock.now))
            let after = try await theo.get("/clients/\(fixture.clientA.id)").body
            #expect(after.contains("id=\"resume-draft\" href=\"/clients/\(fixture.clientA.id)/visits/\(draft.id)\""))
            #expect(after.contains(">Start another note</button>") && !after.contains(">Start a visit note</button>"))
            #expect(Self.fact(after, "fact-unsigned").contains("1 draft to sign") && after.contains("id=\"unsigned-link\""))
        }
    }

    /// A visit under way is the one the header names, until it ends (the client is in the room), then the next.
    @Test func theVisitUnderWayIsTheNextAppointmentUntilItEnds() async throws {
        let seeded = try await Self.seeded()
        let fixture = seeded.fixture
        try await fixture.test { client in
            // Fri 27 Nov 3:30 p.m. in Toronto: half way through the 3:00 visit.
            fixture.clock.advance(seconds: seeded.next.start.milliseconds / 1000 - fixture.clock.now.milliseconds / 1000 + 1_800)
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let during = try await theo.get("/clients/\(fixture.clientA.id)").body
            #expect(Self.fact(during, "fact-next").contains("now, until 4:00 p.m."))
            fixture.clock.advance(seconds: 3_600)
            let later = Browser(client)
            _ = try await later.signIn("theo@example.com")
            let after = Self.fact(try await later.get("/clients/\(fixture.clientA.id)").body, "fact-next")
            #expect(after.contains("none booked"), "\(after)")
        }
    }

    /// "All given" would hide that gluteal work has no written consent yet; the header says so until it is signed.
    @Test func theConsentFactNamesAMissingGlutealConsent() throws {
        func consent(_ missing: [ConsentKind], gluteal: Bool) throws -> String {
            let summary = ChartSummary(intake: .sent, triage: nil, missingConsents: missing, plan: nil, pain: nil, signedVisits: 0, unsignedNotes: 0,
                                       nextAppointment: nil, owedCents: 0, glutealGiven: gluteal)
            let header = ChartHeader.make(summary, clientId: "c", zone: ZonedTime(identifier: "America/Toronto"), now: Instant(milliseconds: 0),
                                          clinical: true, nextService: nil,
                                          nextTherapist: nil, referralPrompt: nil, bookingPaused: false)
            return try #require(header.facts.first { $0.id == "fact-consent" }).text
        }
        #expect(try consent([], gluteal: false).contains("gluteal not yet"))
        #expect(try consent([], gluteal: true) == "treatment and gluteal given")
        #expect(try consent([.gluteal], gluteal: false).hasPrefix("missing: "))
    }

    @Test func suitableTechniquesWithNothingForOrAgainstFoldAway() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            _ = try await IntakeWebTests.submitted(client)
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let chart = try await theo.get("/clients/\(fixture.clientA.id)").body
            let table = Self.fact(chart, "techniques-heading", until: "</ul>")
            let folded = Self.fact(chart, "suitable-techniques", until: "</details>")
            #expect(!table.contains("Nothing today points for or against"), "the list holds only what matters")
            #expect(folded.contains("more suitable technique") && folded.contains("Nothing today points for or against"))
            #expect(table.contains("Technique suggestions"))
            // A restriction is named as the therapist would say it; the sentence written to the client folds away.
            #expect(table.contains("Osteoporosis.") && !table.contains("With thinner bones"))
            #expect(Self.fact(chart, "tell-client", until: "</details>").contains("With thinner bones"))
            let caution = try #require(table.range(of: "badge caution")), recommended = try #require(table.range(of: "badge recommended"))
            #expect(caution.lowerBound < recommended.lowerBound, "the strictest first")
        }
    }

    @Test func findingsAndScoresReadInATherapistsWords() async throws {
        let seeded = try await Self.seeded()
        let fixture = seeded.fixture
        try await Self.signVisit(fixture, pain: 5, daysAgo: 7, findings: [.triggerPoints, .hypertonicity], psfs: 7.0 / 3)
        try await Self.signVisit(fixture, pain: 4, daysAgo: 1, findings: [.hypertonicity], psfs: 11.0 / 3)
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let visits = try await theo.get("/clients/\(fixture.clientA.id)?section=visits").body
            #expect(visits.contains("trigger points, hypertonic muscles") && !visits.contains("trigger-points"))
            let outcomes = try await theo.get("/clients/\(fixture.clientA.id)?section=outcomes").body
            #expect(Self.fact(outcomes, "outcome-summary", until: "</dl>").contains("3.7/10") && outcomes.contains("first 2.3/10"))
            #expect(!outcomes.contains("3.66") && !outcomes.contains("2.33"))
        }
    }
}
