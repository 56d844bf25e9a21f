import Foundation
import HTTPTypes
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones
@testable import LumbarWeb
import PropertyBased
import Testing
import TestSupport

/// The reports against the ledger they sum, on both engines: end of day with every way of paying and a refund, a day
/// when the clocks change, both pay rules, and a property that the totals are the ledger's own sums.
@Suite struct ReportTests {
    typealias Desk = LedgerTests.Desk

    static func reports(_ desk: Desk) -> ReportService { desk.fixture.services.reportService }
    static let november20 = LocalDate(year: 2026, month: 11, day: 20)!

    @Test(arguments: TestDatabase.engines)
    func endOfDayShowsEachWayOfPayingRefundsWhatWasDrawnAndWhatIsOwed(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, _ in
            let ada = desk.fixture.clientA, ben = desk.fixture.clientB
            let ledger = desk.ledger, actor = desk.actor
            // A visit yesterday, left owing: not today's money, but owed at the end of today.
            let yesterday = try await desk.visit(ben, daysAgo: 1)
            let first = try await desk.visit(ada, daysAgo: 0)
            desk.fixture.clock.advance(seconds: 86_400)
            let total = first.invoice.totalCents
            try await ledger.pay(invoiceId: first.id, .init(cents: 5_000, method: .cash), by: actor)
            try await ledger.pay(invoiceId: first.id, .init(cents: total - 5_000, method: .debit), by: actor)
            desk.fixture.clock.advance(seconds: 7_200)
            let second = try await desk.visit(ada, daysAgo: 0)
            try await ledger.pay(invoiceId: second.id, .init(cents: 20_000, method: .credit, keepRestAsCredit: true), by: actor)
            let gift = try await ledger.sellGift(cents: 10_000, recipient: "Ben", to: ben.id, locationId: desk.setup.location.id, by: actor)
            try await ledger.pay(invoiceId: gift.invoiceId, .init(cents: 10_000, method: .eTransfer), by: actor)
            desk.fixture.clock.advance(seconds: 7_200)
            let third = try await desk.visit(ben, daysAgo: 0)
            try await ledger.pay(invoiceId: third.id, .init(cents: 4_000, method: .giftCertificate, giftCode: gift.code), by: actor)
            desk.fixture.clock.advance(seconds: 7_200)
            let fourth = try await desk.visit(ada, daysAgo: 0)
            try await ledger.pay(invoiceId: fourth.id, .init(cents: 3_000, method: .accountCredit), by: actor)
            let cashPayment = try #require(try await desk.entry(first.id).payments.first { $0.method == .cash })
            try await ledger.refund(paymentId: cashPayment.id, invoiceId: first.id, cents: 1_500, toCredit: false, reason: "Shorter visit", by: actor)

            let day = try await Self.reports(desk).endOfDay(Self.november20.adding(days: 1), locationId: desk.setup.location.id)
            func line(_ method: Payment.Method) throws -> ReportService.EndOfDay.Method { try #require((day.till + day.prepaid).first { $0.method == method }) }
            #expect(try line(.cash).inCents == 5_000 && line(.cash).refundCents == 1_500 && line(.cash).netCents == 3_500)
            #expect(try line(.debit).inCents == total - 5_000)
            #expect(try line(.credit).inCents == second.invoice.totalCents && line(.credit).creditKeptCents == 20_000 - second.invoice.totalCents)
            #expect(try line(.eTransfer).inCents == 10_000)
            #expect(try line(.giftCertificate).inCents == 4_000 && line(.accountCredit).inCents == 3_000 && line(.package).inCents == 0)
            #expect(day.tillNetCents == 5_000 + (total - 5_000) + 20_000 + 10_000 - 1_500)
            let owed = yesterday.invoice.totalCents + third.invoice.totalCents - 4_000 + fourth.invoice.totalCents - 3_000
            #expect(day.owedAtEndCents == owed && day.owingInvoices == 3)
            // The day before saw no money, and owed only what was issued by its end.
            let before = try await Self.reports(desk).endOfDay(Self.november20, locationId: desk.setup.location.id)
            #expect(before.tillInCents == 0 && before.owedAtEndCents == yesterday.invoice.totalCents + first.invoice.totalCents)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theEndOfDayPageAndItsCSVShowTheDayToTheDeskButNotToATherapist(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            let visit = try await desk.visit(desk.fixture.clientA, daysAgo: 0)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 2_000, method: .cash), by: desk.actor)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 1_000, method: .debit), by: desk.actor)
            let path = "/reports/end-of-day?date=2026-11-20&location=\(desk.setup.location.id)"
            let browser = Browser(client)
            _ = try await browser.signIn(desk.fixture.frontDesk.email)
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("Cash") && page.body.contains("$20.00") && page.body.contains("Still owed") && page.body.contains("<svg"))
            #expect(page.body.contains("href=\"/reports\""), "the menu leads to the reports")
            // The drawer is counted apart from what the card terminal reports.
            #expect(page.body.contains("<dt>Cash the drawer should hold</dt><dd>$20.00</dd>") && page.body.contains("<dt>Card and e-transfer to match</dt><dd>$10.00</dd>"))
            let csv = try await browser.get("/reports/end-of-day.csv?date=2026-11-20&location=\(desk.setup.location.id)")
            #expect(csv.body.contains("\"till\",\"Cash\",\"1\",\"$20.00\""))
            #expect(try await browser.get("/reports/revenue").status == .forbidden, "the desk sees only the end of day")
            let therapist = Browser(client)
            _ = try await therapist.signIn(desk.fixture.therapist.email)
            let refused = try await therapist.get(path)
            #expect(refused.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDayWhenTheClocksChangeIsTheLocationsDayOfTwentyFiveHours(engine: Database.Engine) async throws {
        // Toronto falls back on 2026-11-01: that day runs 04:00Z to 05:00Z the next morning.
        try await withKnownDesk(engine, at: "2026-11-01T04:30:00Z") { desk in
            let early = try await desk.visit(desk.fixture.clientA, daysAgo: 0)          // 00:30 EDT, Nov 1
            try await desk.ledger.pay(invoiceId: early.id, .init(cents: 1_000, method: .cash), by: desk.actor)
            desk.fixture.clock.advance(seconds: 24 * 3_600)                                  // 04:30Z Nov 2 = 23:30 EST, Nov 1
            let late = try await desk.visit(desk.fixture.clientB, daysAgo: 0)
            try await desk.ledger.pay(invoiceId: late.id, .init(cents: 2_000, method: .cash), by: desk.actor)
            desk.fixture.clock.advance(seconds: 7_200)                                       // 01:30 EST, Nov 2
            let next = try await desk.visit(desk.fixture.clientB, daysAgo: 0)
            try await desk.ledger.pay(invoiceId: next.id, .init(cents: 4_000, method: .cash), by: desk.actor)

            let day = LocalDate(year: 2026, month: 11, day: 1)!
            let reports = Self.reports(desk)
            #expect(try await reports.endOfDay(day, locationId: desk.setup.location.id).tillInCents == 3_000)
            #expect(try await reports.endOfDay(day.adding(days: 1), locationId: desk.setup.location.id).tillInCents == 4_000)
            let revenue = try await reports.revenue(from: day, to: day.adding(days: 1), period: .day, locationId: desk.setup.location.id)
            #expect(revenue.series.map(\.invoices) == [2, 1])
            #expect(revenue.series.map(\.subtotalCents) == [early.invoice.subtotalCents + late.invoice.subtotalCents, next.invoice.subtotalCents])
            // Working 00:00–03:00 on the day the clocks fall back is four hours by the clock on the wall.
            let zone = try #require(FoundationZone(identifier: "America/Toronto"))
            let night = WeeklyHours(days: Array(repeating: [WeeklyHours.Span(start: WallTime("00:00")!, end: WallTime("03:00")!)!], count: 7))
            #expect(ReportService.scheduledMinutes(night, from: day, to: day, zone: zone) == 240)
            #expect(ReportService.scheduledMinutes(night, from: LocalDate(year: 2026, month: 3, day: 8)!, to: LocalDate(year: 2026, month: 3, day: 8)!, zone: zone) == 120)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func payIsAShareOfRevenueOrAnAmountPerVisitAndAChangeIsAudited(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, _ in
            let one = try await desk.visit(desk.fixture.clientA, daysAgo: 0)
            desk.fixture.clock.advance(seconds: 7_200)
            let two = try await desk.visit(desk.fixture.clientB, daysAgo: 0)
            desk.fixture.clock.advance(seconds: 7_200)
            let voided = try await desk.visit(desk.fixture.clientB, daysAgo: 0)
            try await desk.ledger.void(invoiceId: voided.id, reason: "Entered twice", by: desk.actor)
            try await desk.ledger.pay(invoiceId: one.id, .init(cents: one.invoice.totalCents, method: .debit), by: desk.actor)
            let paid = try #require(try await desk.entry(one.id).payments.first)
            try await desk.ledger.refund(paymentId: paid.id, invoiceId: one.id, cents: 1_001, toCredit: false, reason: "Goodwill", by: desk.actor)
            let reports = Self.reports(desk), owner = desk.fixture.owner, therapist = desk.fixture.therapist.id
            let net = one.invoice.subtotalCents + two.invoice.subtotalCents - 1_001

            try await reports.setCompensationRule(.init(therapistId: therapist, kind: .percent, basisPoints: 4_250), by: owner, address: "127.0.0.1", at: desk.fixture.clock.now)
            var pay = try await reports.compensation(from: Self.november20, to: Self.november20, locationId: nil)
            var row = try #require(pay.rows.first { $0.therapistId == therapist })
            #expect(row.netRevenueCents == net && row.visits == 2 && row.earnedCents == (net * 4_250 + 5_000) / 10_000)

            try await reports.setCompensationRule(.init(therapistId: therapist, kind: .perVisit, centsPerVisit: 5_500), by: owner, address: "127.0.0.1", at: desk.fixture.clock.now)
            pay = try await reports.compensation(from: Self.november20, to: Self.november20, locationId: nil)
            row = try #require(pay.rows.first { $0.therapistId == therapist })
            #expect(row.earnedCents == 11_000 && row.rule?.kind == .perVisit)
            #expect(try await reports.compensationRules().count == 1, "a new rule replaces the old one")
            let audit = try await desk.fixture.services.audit.entries(AuditFilter(actorId: owner.id, limit: 50))
            #expect(audit.filter { $0.detail.hasPrefix("pay rule set") }.count == 2)
        }
    }

    /// One step of a random day at the desk.
    struct Step: Sendable, CustomStringConvertible {
        let code: Int
        var client: Int { code % 2 }
        /// Two hours or more after the last visit, so the therapist is free.
        var hoursLater: Int { 2 + (code / 2) % 20 }
        var settle: Int { (code / 40) % 7 }
        var share: Int { 10 + (code / 280) % 90 }
        var description: String { "client \(client), +\(hoursLater)h, settle \(settle), \(share)%" }
    }

    @Test(arguments: TestDatabase.engines)
    func theReportsTotalsAreTheLedgersSums(engine: Database.Engine) async throws {
        let steps = Gen.int(in: 0...27_999).map(Step.init).array(of: 1...7)
        await propertyCheck(count: 3, input: steps) { steps in
            try await LedgerTests.withDesk(engine) { desk, _ in
                let ledger = desk.ledger, actor = desk.actor
                var subtotal = 0, tax = 0, refunded = 0, invoices = 0, owed = 0, owing = 0
                var tillIn: [Payment.Method: Int] = [:]
                let methods: [Payment.Method] = [.cash, .debit, .credit, .eTransfer]
                for step in steps {
                    desk.fixture.clock.advance(seconds: Int64(step.hoursLater) * 3_600)
                    let client = step.client == 0 ? desk.fixture.clientA : desk.fixture.clientB
                    let visit = try await desk.visit(client, daysAgo: 0)
                    let total = visit.invoice.totalCents
                    let method = methods[step.code % 4]
                    switch step.settle {
                    case 0:
                        try await ledger.void(invoiceId: visit.id, reason: "In error", by: actor)
                        continue
                    case 1:
                        owed += total
                        owing += 1
                    case 2:
                        let part = total * step.share / 100
                        try await ledger.pay(invoiceId: visit.id, .init(cents: part, method: method), by: actor)
                        tillIn[method, default: 0] += part
                        owed += total - part
                        owing += 1
                    case 3:
                        try await ledger.pay(invoiceId: visit.id, .init(cents: total + 700, method: method, keepRestAsCredit: true), by: actor)
                        tillIn[method, default: 0] += total + 700
                    default:
                        try await ledger.pay(invoiceId: visit.id, .init(cents: total, method: method), by: actor)
                        tillIn[method, default: 0] += total
                        if step.settle >= 5 {
                            let back = total * step.share / 100
                            let payment = try #require(try await desk.entry(visit.id).payments.first)
                            try await ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: back, toCredit: false, reason: "Back", by: actor)
                            refunded += back
                            tillIn[method, default: 0] -= back
                        }
                    }
                    subtotal += visit.invoice.subtotalCents
                    tax += visit.invoice.taxCents
                    invoices += 1
                }
                let reports = Self.reports(desk)
                let zone = try #require(FoundationZone(identifier: "America/Toronto"))
                let first = Self.november20, last = zone.local(desk.fixture.clock.now).date
                let revenue = try await reports.revenue(from: first, to: last, period: .week, locationId: desk.setup.location.id)
                #expect(revenue.total.subtotalCents == subtotal && revenue.total.taxCents == tax && revenue.total.refundCents == refunded)
                #expect(revenue.total.invoices == invoices && revenue.total.netCents == subtotal - refunded)
                #expect(revenue.series.map(\.netCents).reduce(0, +) == subtotal - refunded, "the periods add up to the total")
                #expect(revenue.byTherapist.map(\.netCents).reduce(0, +) == subtotal - refunded)
                var days: [Payment.Method: Int] = [:]
                var day = first
                var lastDay: ReportService.EndOfDay?
                while day <= last {
                    let figures = try await reports.endOfDay(day, locationId: desk.setup.location.id)
                    for line in figures.till { days[line.method, default: 0] += line.netCents }
                    lastDay = figures
                    day = day.adding(days: 1)
                }
                #expect(methods.allSatisfy { (days[$0] ?? 0) == (tillIn[$0] ?? 0) }, "each day's till adds up to what was taken")
                #expect(lastDay?.owedAtEndCents == owed && lastDay?.owingInvoices == owing)
            }
        }
    }

    func withKnownDesk(_ engine: Database.Engine, at time: String, _ body: @escaping @Sendable (Desk) async throws -> Void) async throws {
        let desk = Desk(setup: try await BookingAPITests.setUp(engine, clockAt: time))
        try await desk.fixture.test { _ in try await body(desk) }
    }
}
