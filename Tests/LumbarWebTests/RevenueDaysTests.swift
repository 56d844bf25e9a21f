import Foundation
import LumbarClinic
import LumbarCore
@testable import LumbarStorage
import LumbarWeb
import LumbarZones
import PropertyBased
import Testing
import TestSupport

/// The revenue kept by day answers every report window exactly as the ledger summed afresh does, whatever the desk
/// did (visits paid, unpaid, refunded, voided, paid from a package and voided again, gift certificates sold and voided),
/// and a location whose time zone changed is read from the ledger until its next posting sums it again.
@Suite struct RevenueDaysTests {
    typealias Desk = LedgerTests.Desk

    struct Step: CustomStringConvertible {
        let code: Int
        var action: Int { code % 8 }
        var hoursLater: Int { 2 + (code / 8) % 30 }
        var share: Int { 10 + (code / 240) % 90 }
        var description: String { "action \(action), +\(hoursLater)h, \(share)%" }
    }

    /// What a window reads from the kept days, and from the ledger itself, in a comparable order.
    static func both(_ desk: Desk, _ window: ReportWindow) async throws -> (kept: RevenueFigures?, ledger: RevenueFigures) {
        let database = desk.fixture.services.database
        let kept = try await database.read { db in try await SQLRevenueDays.revenue(window, db) }
        let ledger = try await database.read { db in try await SQLReportRepository.ledgerRevenue(window, db) }
        return (kept.map(ordered), ordered(ledger))
    }

    static func ordered(_ figures: RevenueFigures) -> RevenueFigures {
        var figures = figures
        figures.byDay.sort { ($0.day ?? 0) < ($1.day ?? 0) }
        figures.breakdown.sort { "\($0.therapistId ?? "")|\($0.serviceId ?? "")|\($0.locationId ?? "")" < "\($1.therapistId ?? "")|\($1.serviceId ?? "")|\($1.locationId ?? "")" }
        return figures
    }

    static func windows(_ desk: Desk, zone: String = "America/Toronto") throws -> [ReportWindow] {
        let rules = try #require(FoundationZone(identifier: zone))
        let first = ReportTests.november20.adding(days: -1), last = rules.local(desk.fixture.clock.now).date.adding(days: 1)
        let middle = LocalDate(daysSinceEpoch: (first.daysSinceEpoch + last.daysSinceEpoch) / 2)
        return [(first, last, desk.setup.location.id), (first, last, nil), (middle, middle, desk.setup.location.id), (middle, last, nil)].map {
            ReportService.window(from: $0.0, to: $0.1, locationId: $0.2, zone: rules)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theKeptDaysAnswerAsTheLedgerDoes(engine: Database.Engine) async throws {
        let steps = Gen.int(in: 0...23_999).map(Step.init).array(of: 4...14)
        await propertyCheck(count: 12, input: steps) { steps in try await Self.check(steps, engine) }
    }

    /// A visit paid, refunded in full the next day and voided a day later: the refund's day changes with the void.
    @Test(arguments: TestDatabase.engines)
    func aVoidAfterARefundOnAnotherDayTakesTheRefundOffItsDay(engine: Database.Engine) async throws {
        try await Self.check([0, 6 + 8 * 24 + 240 * 83, 7 + 8 * 28].map(Step.init), engine)
    }

    static func check(_ steps: [Step], _ engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, _ in
            let ledger = desk.ledger, actor = desk.actor, ada = desk.fixture.clientA
            let plan = PackagePlan(id: "plan-10", name: "Ten massages", serviceId: desk.setup.service.id, visits: 10, priceCents: 100_000,
                                   taxBasisPoints: 1300, validDays: 365)
            try await desk.fixture.services.billing.save(plan)
            let sale = try await ledger.sellPackage(planId: plan.id, to: ada.id, locationId: desk.setup.location.id, by: actor)
            try await ledger.pay(invoiceId: sale.id, .init(cents: sale.invoice.totalCents, method: .debit), by: actor)
            let package = try #require(try await desk.fixture.services.billing.ledger(clientId: ada.id).packages.first)
            // Refunds and voids fall on later days than the visits they undo, as they do at a desk.
            var paid: [ClientLedger.Entry] = [], refundedInFull: [String] = [], fromPackage: [String] = []
            for step in steps {
                desk.fixture.clock.advance(seconds: Int64(step.hoursLater) * 3_600)
                switch step.action {
                case 0, 1:
                    let visit = try await desk.visit(ada, daysAgo: 0)
                    guard step.action == 0 else { continue }
                    try await ledger.pay(invoiceId: visit.id, .init(cents: visit.invoice.totalCents, method: .debit), by: actor)
                    paid.append(visit)
                case 2, 6:
                    guard let visit = paid.popLast(), let payment = try await desk.entry(visit.id).payments.first else { continue }
                    let back = step.action == 6 ? visit.invoice.totalCents : visit.invoice.totalCents * step.share / 100
                    try await ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: back, toCredit: false, reason: "Back", by: actor)
                    if step.action == 6 { refundedInFull.append(visit.id) }
                case 3:
                    let visit = try await desk.visit(ada, daysAgo: 0)
                    try await ledger.void(invoiceId: visit.id, reason: "In error", by: actor)
                case 4:
                    let visit = try await desk.visit(ada, daysAgo: 0)
                    try await ledger.pay(invoiceId: visit.id, .init(cents: 0, method: .package, packageId: package.id), by: actor)
                    fromPackage.append(visit.id)
                case 5:
                    let gift = try await ledger.sellGift(cents: 5_000 + step.share * 100, recipient: "Ben Beta", to: ada.id,
                                                         locationId: desk.setup.location.id, by: actor)
                    if step.share % 2 == 0 { try await ledger.void(invoiceId: gift.invoiceId, reason: "In error", by: actor) }
                default:
                    guard let last = step.share % 2 == 0 ? refundedInFull.popLast() ?? fromPackage.popLast() : fromPackage.popLast() ?? refundedInFull.popLast()
                    else { continue }
                    try await ledger.void(invoiceId: last, reason: "Recorded twice", by: actor)
                }
            }
            for window in try Self.windows(desk) {
                let (kept, fresh) = try await Self.both(desk, window)
                #expect(kept != nil, "a window of local days in the location's zone is answered from the kept days")
                #expect(kept == fresh, "the kept days add up to the ledger's figures")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aLocationWhoseZoneChangedIsReadFromTheLedgerUntilItsNextPosting(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, _ in
            let ada = desk.fixture.clientA
            for hours in [3, 9, 20] {
                desk.fixture.clock.advance(seconds: Int64(hours) * 3_600)
                let visit = try await desk.visit(ada, daysAgo: 0)
                try await desk.ledger.pay(invoiceId: visit.id, .init(cents: visit.invoice.totalCents, method: .cash), by: desk.actor)
            }
            var moved = desk.setup.location
            moved.timeZone = "America/Vancouver"
            _ = try await desk.fixture.services.scheduling.updateLocation(moved, at: desk.fixture.clock.now)
            for window in try Self.windows(desk, zone: "America/Vancouver") {
                #expect(try await Self.both(desk, window).kept == nil, "days summed on Toronto time cannot answer for Vancouver's")
            }
            let report = try await ReportTests.reports(desk).revenue(from: ReportTests.november20, to: ReportTests.november20.adding(days: 3),
                                                                      period: .day, locationId: moved.id)
            #expect(report.total.invoices == 3 && report.zone == "America/Vancouver", "the report still counts every invoice, from the ledger")

            desk.fixture.clock.advance(seconds: 3 * 3_600)
            _ = try await desk.visit(ada, daysAgo: 0)
            for window in try Self.windows(desk, zone: "America/Vancouver") {
                let (kept, fresh) = try await Self.both(desk, window)
                #expect(kept != nil && kept == fresh, "the next posting sums the location again in its new zone")
            }
        }
    }
}
