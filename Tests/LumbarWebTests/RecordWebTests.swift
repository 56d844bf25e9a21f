import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The whole record, printed or downloaded, and the retention report.
@Suite struct RecordWebTests {
    @Test func theRecordPrintsAndDownloadsForThoseAllowed() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers(["allergies": ["<script>alert(1)</script> oils"]]))
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            try await theo.get(path)
            try await theo.post(path, pairs: [("painNow", "4"), ("subjective", "Better <b>today</b>"), ("plan", "Weekly."), ("go", "sign")])

            let printed = try await theo.get("/clients/\(fixture.clientA.id)/record")
            for part in ["Identity and contact", "Intakes and triage", "Consents", "Treatment plans", "Visit notes", "Appointments", "Receipts"] {
                #expect(printed.body.contains("<h2>\(part)</h2>"), "\(part)")
            }
            #expect(printed.body.contains("Better &lt;b&gt;today&lt;/b&gt;") && printed.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; oils"))
            #expect(!printed.body.contains("<script>alert"))

            let own = try await ada.get("/me/record")
            #expect(own.status == .ok && own.body.contains("Visit notes"))
            let download = try await ada.get("/me/record.json")
            #expect(download.headers[.contentDisposition]?.contains("my-record.json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as? [String: Any])
            #expect(json["client"] as? String == "Ada Alpha" && (json["sections"] as? [Any])?.count == 7)

            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get("/clients/\(fixture.clientA.id)/record").status == .forbidden)
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.contains { $0.action == .print && $0.detail == "whole record, printable" })
            #expect(audit.contains { $0.action == .export && $0.detail == "own record, download" && $0.actorId == fixture.clientAAccount.id })
        }
    }

    @Test func theRetentionReportListsOnlyRecordsPastTheirDate() async throws {
        let fixture = try await WebFixture.make()
        let longAgo = fixture.clock.now.adding(seconds: -11 * 366 * 86_400)
        _ = try await fixture.services.clients.create(Client(id: "", firstName: "Olga", lastName: "Oldrecord", dateOfBirth: LocalDate(year: 1950, month: 1, day: 1)), at: longAgo)
        _ = try await fixture.services.clients.create(Client(id: "", firstName: "Mia", lastName: "Minor", dateOfBirth: LocalDate(year: 2012, month: 1, day: 1)), at: longAgo)
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let report = try await owner.get("/records/retention")
            #expect(report.body.contains("Olga Oldrecord") && !report.body.contains("Mia Minor") && !report.body.contains("Ada Alpha"))
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            #expect(try await theo.get("/records/retention").status == .forbidden)
            #expect(try await fixture.services.clients.list(matching: "Oldrecord").count == 1, "listed for review, never removed")
        }
    }
}

/// The FHIR R4 export: the resources the record needs, linked inside the bundle.
@Suite struct FHIRExportTests {
    @Test func theBundleHoldsTheWholeRecordLinkedTogether() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers())
            try await ada.get("\(intake)/consent/treatment")
            try await ada.post("\(intake)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"])
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            try await theo.get(path)
            try await theo.post(path, pairs: [("painNow", "4"), ("subjective", "Easier."), ("plan", "Weekly."), ("go", "sign")])
            try await theo.get("/clients/\(fixture.clientA.id)/plan")
            try await theo.post("/clients/\(fixture.clientA.id)/plan", pairs: [("goal-1", "Lift my toddler"), ("technique", "swedish"), ("area", "lumbar-left"),
                                                                           ("pressure", "light"), ("frequency", "weekly"), ("visits", "4"), ("reassessOn", "2030-01-01")])
            let export = try await ada.get("/me/record.fhir.json")
            #expect(export.status == .ok && export.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
            let bundle = try #require(try JSONSerialization.jsonObject(with: Data(export.body.utf8)) as? [String: Any])
            #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
            let entries = try #require(bundle["entry"] as? [[String: Any]])
            let resources = entries.compactMap { $0["resource"] as? [String: Any] }
            let types = Set(resources.compactMap { $0["resourceType"] as? String })
            #expect(types == ["Patient", "Practitioner", "Encounter", "Observation", "QuestionnaireResponse", "CarePlan", "Consent"])
            let urls = Set(entries.compactMap { $0["fullUrl"] as? String })
            for resource in resources {
                for key in ["subject", "patient", "author"] {
                    if let reference = (resource[key] as? [String: Any])?["reference"] as? String { #expect(urls.contains(reference), "\(key) \(reference)") }
                }
            }
            #expect(resources.filter { $0["resourceType"] as? String == "Encounter" }.count == 1, "one visit, one encounter")
            let pain = resources.filter { $0["resourceType"] as? String == "Observation" }
            #expect(pain.count == 2 && pain.allSatisfy { (($0["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String == "72514-3" })
            let consent = try #require(resources.first { $0["resourceType"] as? String == "Consent" })
            let attached = ((consent["sourceAttachment"] as? [String: Any])?["data"] as? String).flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
            #expect(attached?.contains("Your right to stop") == true, "the exact text agreed to travels with the consent")
            #expect(try await fixture.audit(client: fixture.clientA.id).contains { $0.action == .export && $0.detail == "own record, FHIR R4 bundle" })
            #expect(try await theo.get("/clients/\(fixture.clientA.id)/record.fhir.json").status == .ok)
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            #expect(!(try await ben.get("/me/record.fhir.json").body.contains("Ada")))
        }
    }
}
