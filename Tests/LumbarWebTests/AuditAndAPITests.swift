import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// Every read or write of a client's record leaves an audit row; the API follows the same rules.
@Suite struct AuditAndAPITests {
    @Test(arguments: TestDatabase.engines)
    func viewingAndWritingARecordIsAudited(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            try await browser.get("/clients/\(fixture.clientA.id)")
            _ = try await browser.post("/clients/\(fixture.clientA.id)/notes", ["body": "Follow-up in one week."])
            let rows = try await fixture.audit(client: fixture.clientA.id)
            let kinds = Set(rows.map { "\($0.action.rawValue) \($0.infoType.rawValue)" })
            #expect(kinds.isSuperset(of: ["view contact", "view clinical", "create clinical"]))
            #expect(rows.allSatisfy { $0.actorId == fixture.therapist.id && $0.actorRole == .therapist && !$0.address.isEmpty })
        }
    }

    @Test func ownerFiltersAndExportsTheAuditLog() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let page = try await owner.get("/audit?client=\(fixture.clientA.id)&staff=\(fixture.therapist.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Theo Therapist"))
            #expect(page.body.contains("Ada Alpha"))
            let badDates = try await owner.get("/audit?from=2026-13-01")
            #expect(badDates.status == .unprocessableContent)
            #expect(badDates.body.contains("id=\"from-error\""))
            let csv = try await owner.get("/audit.csv?client=\(fixture.clientA.id)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.hasPrefix("when_utc,actor,role,client,information,action,address,detail"))
            #expect(csv.body.contains("\"view\""))
            let exports = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id)).filter { $0.action == .export }
            #expect(exports.count == 1)
        }
    }

    @Test func csvDefusesFormulas() {
        #expect(AuditRoutes.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditRoutes.csvField("plain") == "\"plain\"")
    }

    /// What `lumbar token add` and the account page both use: a working token for staff, audited; none for clients.
    @Test func issuedTokensWorkForStaffOnlyAndAreAudited() async throws {
        let fixture = try await WebFixture.make()
        let issuer = APITokenIssuer(repositories: fixture.services.repositories)
        #expect(APITokenIssuer.nameProblem("") != nil && APITokenIssuer.nameProblem(String(repeating: "n", count: 101)) != nil)
        #expect(APITokenIssuer.nameProblem("billing export") == nil)
        await #expect(throws: APITokenIssuer.Failure.notStaff) {
            _ = try await issuer.issue(for: fixture.clientAAccount, name: "mine", address: "command line", at: fixture.clock.now)
        }
        let token = try await issuer.issue(for: fixture.frontDesk, name: "billing export", address: "command line", at: fixture.clock.now)
        #expect(token.hasPrefix("lmb_"))
        let created = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.frontDesk.id))
        #expect(created.contains { $0.action == .create && $0.infoType == .account && $0.address == "command line" })
        #expect(try await fixture.services.apiTokens.list(accountId: fixture.clientAAccount.id).isEmpty)
        try await fixture.test { client in
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).filter { !$0.isWhitespace }.contains("\"role\":\"front-desk\""), "the token acts as its account")
        }
    }

    @Test func apiNeedsALiveToken() async throws {
        let fixture = try await WebFixture.make()
        let token = "lmb_theo"
        let id = try await fixture.services.apiTokens.create(accountId: fixture.therapist.id, name: "t", tokenHash: Secrets.hash(token), at: fixture.clock.now)
        try await fixture.test { client in
            #expect(try await client.execute(uri: "/api/v1/me", method: .get).status == .unauthorized)
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).filter { !$0.isWhitespace }.contains("\"role\":\"therapist\""))
            let list = try await client.execute(uri: "/api/v1/clients", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(String(buffer: list.body).contains("Alpha"))
            #expect(!String(buffer: list.body).contains("Beta"), "a therapist lists only clients they treat")
            let other = try await client.execute(uri: "/api/v1/clients/\(fixture.clientB.id)", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(other.status == .notFound)
            try await fixture.services.apiTokens.revoke(id: id, accountId: fixture.therapist.id, at: fixture.clock.now)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
            // A browser session cookie is no key to the API.
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func assessmentEndpointHonoursTheContract(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let theo = "lmb_theo", desk = "lmb_desk"
        _ = try await fixture.services.apiTokens.create(accountId: fixture.therapist.id, name: "t", tokenHash: Secrets.hash(theo), at: fixture.clock.now)
        _ = try await fixture.services.apiTokens.create(accountId: fixture.frontDesk.id, name: "d", tokenHash: Secrets.hash(desk), at: fixture.clock.now)
        let example = #"{"assessedOn":"2026-11-24","age":52,"onset":"gradual","painStartedOn":"2026-11-10","painNow":7,"legPain":"below-knee","legSides":"both","findings":["saddle-numbness","bladder-dysfunction"]}"#
        try await fixture.test { client in
            func post(_ body: String, token: String, type: String = "application/json") async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(uri: "/api/v1/assessments", method: .post,
                                                        headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(string: body))
                return (response.status, String(buffer: response.body))
            }
            let (status, body) = try await post(example, token: theo)
            #expect(status == .ok)
            let expected = try AssessmentInputDecoder.decode(Array(example.utf8)).get()
            #expect(body == AssessmentEngine().assess(expected).json)
            #expect(body.contains("\"urgency\":\"emergency\""))
            let (bad, problems) = try await post(#"{"assessedOn":"2026-11-24","age":200,"onset":"sudden","painStartedOn":"2026-11-23","painNow":11,"legPain":"none","legSides":"none"}"#, token: theo)
            #expect(bad == .unprocessableContent)
            #expect(problems.contains("\"field\":\"age\""))
            #expect(problems.contains("\"field\":\"painNow\""))
            let (malformed, named) = try await post("{not json", token: theo)
            #expect(malformed == .unprocessableContent)
            #expect(named.contains("\"field\":\"body\""))
            #expect(try await post(example, token: theo, type: "text/plain").0 == .unsupportedMediaType)
            #expect(try await post(example, token: desk).0 == .forbidden)
            #expect(try await post(String(repeating: " ", count: 2_000_000) + example, token: theo).0 == .contentTooLarge)
        }
    }

    @Test func scriptInFreeTextRendersAsText() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            try await browser.get("/clients/new")
            let created = try await browser.post("/clients", ["firstName": "<script>alert(1)</script>", "lastName": "\"><img src=x onerror=alert(2)>"])
            let page = try await browser.get(created.location ?? "/")
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(!page.body.contains("<img src=x"))
            #expect(page.body.contains("&lt;script&gt;"))
        }
    }

    @Test func errorPagesKeepNavigationForSignedInPeople() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            let page = try await browser.get("/staff")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("Sign out Theo Therapist"))
        }
    }

    @Test func errorPagesLeakNothing() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let missing = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Page not found"))
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let spec = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(String(buffer: spec.body).hasPrefix("openapi: \"3.1.0\""))
        }
    }

    /// The API names a missing query parameter from `APIInputErrorMiddleware.requiredQuery`, since the runtime does
    /// not; that table must list exactly what the published document marks required.
    @Test func requiredQueryTableMatchesTheDocument() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let spec = String(buffer: try await client.execute(uri: "/openapi.yaml", method: .get).body)
            #expect(Self.requiredQueryParameters(spec) == APIInputErrorMiddleware.requiredQuery.mapValues(Set.init))
        }
        let sample = """
            get:
              operationId: listThings
              parameters:
                - name: q
                  in: query
                  required: true
                - name: page
                  in: query
                  required: false
                - { name: id, in: path, required: true }
            """
        #expect(Self.requiredQueryParameters(sample) == ["listThings": ["q"]], "the reader sees parameters written as blocks too")
    }

    /// Per operation id, the query parameters marked required, from parameters written inline (`- { name: … }`) or
    /// as blocks (`- name:` with `in:` and `required:` on the lines below).
    static func requiredQueryParameters(_ yaml: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        var operation = "", item = "", itemIndent = -1
        func finish() {
            defer { item = "" }
            guard item.contains("in: query"), item.contains("required: true"),
                  let match = item.firstMatch(of: /name: (\w+)/) else { return }
            result[operation, default: []].insert(String(match.1))
        }
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let text = line.drop { $0 == " " }
            if !item.isEmpty && (indent <= itemIndent || text.isEmpty) { finish() }
            if text.hasPrefix("operationId:") {
                // Parameters come after the operation id in this document; any before it would be counted wrongly.
                operation = text.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces)
            } else if text.hasPrefix("- name:") || text.hasPrefix("- { name:") {
                item = String(text)
                itemIndent = indent
            } else if !item.isEmpty {
                item += " " + text
            }
        }
        finish()
        return result
    }
}
