import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The reports and the package plans' retire and restore through the API, on both engines: the pages' figures and
/// roles, every bad parameter named, and an audit row for each report read.
@Suite struct ReportAPITests {
    static func call(_ client: any TestClientProtocol, _ uri: String, token: String = "lmb_owner", method: HTTPRequest.Method = .get) async throws -> TestResponse {
        try await LedgerAPITests.call(client, method, uri, token: token)
    }

    @Test(arguments: TestDatabase.engines)
    func theReportsAnswerWithTheLedgersFiguresToTheRolesThePagesAllow(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await LedgerAPITests.tokens(desk)
            let ada = desk.fixture.clientA, location = desk.setup.location.id
            let visit = try await desk.visit(ada, daysAgo: 0)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 2_000, method: .cash), by: desk.actor)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 1_000, method: .debit), by: desk.actor)

            let day = try await Self.call(client, "/api/v1/reports/end-of-day?date=2026-11-20&locationId=\(location)", token: "lmb_desk")
            #expect(day.status == .ok, "\(String(buffer: day.body))")
            let figures = SetupAPITests.json(day)
            let till = try #require(figures["till"] as? [[String: Any]])
            #expect(till.first { $0["method"] as? String == "cash" }?["inCents"] as? Int == 2_000)
            #expect(till.first { $0["method"] as? String == "debit" }?["payments"] as? Int == 1)
            #expect(figures["tillNetCents"] as? Int == 3_000 && figures["owedCents"] as? Int == visit.invoice.totalCents - 3_000)
            #expect(figures["timeZone"] as? String == "America/Toronto")
            #expect(try await Self.call(client, "/api/v1/reports/end-of-day?date=2026-11-20", token: "lmb_theo").status == .forbidden,
                    "a therapist does not see the clinic's takings")
            #expect([.forbidden, .unauthorized].contains(try await Self.call(client, "/api/v1/reports/end-of-day?date=2026-11-20", token: "lmb_ada").status),
                    "a client's token reads no report")

            let span = "from=2026-11-01&to=2026-11-30"
            #expect(try await Self.call(client, "/api/v1/reports/revenue?\(span)", token: "lmb_desk").status == .forbidden, "revenue is the owner's")
            let revenue = SetupAPITests.json(try await Self.call(client, "/api/v1/reports/revenue?\(span)&period=week"))
            let total = try #require(revenue["total"] as? [String: Any])
            #expect(total["subtotalCents"] as? Int == visit.invoice.subtotalCents && total["taxCents"] as? Int == visit.invoice.taxCents)
            #expect(total["visits"] as? Int == 1 && revenue["period"] as? String == "week")
            let series = try #require(revenue["series"] as? [[String: Any]])
            #expect(series.map { $0["key"] as? String } == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"])
            #expect(series.compactMap { $0["subtotalCents"] as? Int }.reduce(0, +) == visit.invoice.subtotalCents)
            let byTherapist = try #require(revenue["byTherapist"] as? [[String: Any]])
            #expect(byTherapist.map { $0["key"] as? String } == [desk.fixture.therapist.id])

            let use = SetupAPITests.json(try await Self.call(client, "/api/v1/reports/utilization?\(span)"))
            let row = try #require((use["rows"] as? [[String: Any]])?.first { $0["therapistId"] as? String == desk.fixture.therapist.id })
            #expect(row["appointments"] as? Int == 1 && (row["scheduledMinutes"] as? Int ?? 0) > 0)
            let pay = try await Self.call(client, "/api/v1/reports/compensation?\(span)")
            #expect(pay.status == .ok && (SetupAPITests.json(pay)["rows"] as? [[String: Any]])?.first?["netRevenueCents"] as? Int == visit.invoice.subtotalCents)

            let details = try await desk.fixture.services.audit.entries(AuditFilter()).map(\.detail)
            for report in ["end-of-day", "revenue", "utilization", "compensation"] {
                #expect(details.contains("report: \(report) (API)"), "reading the \(report) report is logged")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aBadSpanOrLocationIsNamedByItsParameter(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await LedgerAPITests.tokens(desk)
            let cases: [(String, [String])] = [
                ("/api/v1/reports/revenue?from=2026-02-30&to=2026-03-01", ["from"]),
                ("/api/v1/reports/revenue?from=2026-03-01&to=2026-02-01", ["to"]),
                ("/api/v1/reports/revenue?from=2010-01-01&to=2026-01-01", ["from"]),
                ("/api/v1/reports/revenue?from=2024-01-01&to=2026-01-01&period=day", ["period"]),
                ("/api/v1/reports/utilization?from=2026-01-01&to=2026-02-01&locationId=nowhere", ["locationId"]),
                ("/api/v1/reports/compensation?from=soon&to=later", ["from", "to"]),
                ("/api/v1/reports/end-of-day?date=yesterday", ["date"]),
            ]
            for (uri, fields) in cases {
                let answer = try await Self.call(client, uri)
                #expect(answer.status == .unprocessableContent, "\(uri)")
                #expect(SetupAPITests.fields(answer) == fields, "\(uri)")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theOwnerStopsAndRestartsSellingAPackageAndSoldOnesAreKept(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await LedgerAPITests.tokens(desk)
            let ada = desk.fixture.clientA
            let plan: [String: Any] = ["name": "Five", "serviceId": desk.setup.service.id, "visits": 5, "priceCents": 50_000, "validDays": 365]
            let planId = try #require(SetupAPITests.json(try await LedgerAPITests.call(client, .post, "/api/v1/package-plans", token: "lmb_owner", plan))["id"] as? String)
            #expect(try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ada.id)/packages", ["planId": planId]).status == .created)

            #expect(try await Self.call(client, "/api/v1/package-plans/\(planId)/retire", token: "lmb_desk", method: .post).status == .forbidden)
            #expect(try await Self.call(client, "/api/v1/package-plans/nope/retire", method: .post).status == .notFound)
            let retired = try await Self.call(client, "/api/v1/package-plans/\(planId)/retire", method: .post)
            #expect(retired.status == .ok && SetupAPITests.json(retired)["retired"] as? Bool == true)
            let refused = try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ada.id)/packages", ["planId": planId])
            #expect(refused.status == .unprocessableContent && SetupAPITests.fields(refused) == ["planId"], "a retired package is not sold")
            let account = SetupAPITests.json(try await LedgerAPITests.call(client, .get, "/api/v1/clients/\(ada.id)/account"))
            #expect((account["packages"] as? [[String: Any]])?.first?["visitsLeft"] as? Int == 5, "the package already sold is kept")

            let restored = try await Self.call(client, "/api/v1/package-plans/\(planId)/restore", method: .post)
            #expect(restored.status == .ok && SetupAPITests.json(restored)["retired"] as? Bool == false)
            #expect(try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ada.id)/packages", ["planId": planId]).status == .created)
            let details = try await desk.fixture.services.audit.entries(AuditFilter(actorId: desk.fixture.owner.id)).map(\.detail)
            #expect(details.contains("package no longer sold (API)") && details.contains("package sold again (API)"))
        }
    }
}
