import Foundation
import HTTPTypes
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// The generated API routes read bodies as strictly as the assessment contract: RFC 8259 only, valid UTF-8, no key
/// twice, no field the published document does not define; 400 for what is not JSON at all, else 422 naming each field.
@Suite struct APIStrictJSONTests {
    static func fields(_ response: TestResponse) -> [String] {
        ((BookingAPITests.json(response)["problems"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, bytes: [UInt8]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer lmb_desk", .contentType: "application/json"],
                                 body: ByteBuffer(bytes: bytes))
    }

    /// Each of these was booked before (Foundation's decoder let them through); none books now.
    @Test func bodiesThatAreNotStrictJSONBookNothing() async throws {
        let setup = try await BookingAPITests.setUp()
        let booking = APIBodyLimitTests.booking(setup)
        let open = String(booking.dropLast())
        try await setup.fixture.test { client in
            let trailing = try await BookingAPITests.post(client, "/api/v1/appointments", text: open + ",}")
            #expect(trailing.status == .badRequest)
            #expect(Self.fields(trailing) == ["body"])
            #expect(String(buffer: trailing.body).contains("trailing comma"))

            let badUTF8 = try await Self.post(client, "/api/v1/appointments", bytes: Array((open + #","note":""#).utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
            #expect(badUTF8.status == .badRequest)
            #expect(String(buffer: badUTF8.body).contains("invalid UTF-8"))

            let twice = try await BookingAPITests.post(client, "/api/v1/appointments", text: open + #","start":"2026-11-25T11:00:00-05:00"}"#)
            #expect(twice.status == .unprocessableContent)
            #expect(Self.fields(twice) == ["start"])

            let unknown = try await BookingAPITests.post(client, "/api/v1/appointments", text: open + #","priority":"high","notes":"x"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(Self.fields(unknown) == ["priority", "notes"])

            // With no type, or a wildcard, the generated decoder reads the body as JSON, so it is checked the same.
            for type in [nil, "*/*", "application/*"] as [String?] {
                var headers: HTTPFields = [.authorization: "Bearer lmb_desk"]
                if let type { headers[.contentType] = type }
                let untyped = try await client.execute(uri: "/api/v1/appointments", method: .post, headers: headers, body: ByteBuffer(string: open + ",}"))
                #expect(untyped.status == .badRequest, "\(type ?? "no type")")
            }

            let array = try await BookingAPITests.post(client, "/api/v1/appointments", text: "[" + booking + "]")
            #expect(array.status == .unprocessableContent)
            #expect(Self.fields(array) == ["body"])
            let none = try await APIBodyLimitTests.booked(setup)
            #expect(none.isEmpty)

            let plain = try await BookingAPITests.post(client, "/api/v1/appointments", text: booking)
            #expect(plain.status == .created, "the plain booking still books")
            let id = try #require(try await APIBodyLimitTests.booked(setup).first?.id)
            let move = "/api/v1/appointments/\(id)/reschedule"
            let trailingMove = try await BookingAPITests.post(client, move, text: #"{"start":"2026-11-25T13:00:00-05:00",}"#)
            #expect(trailingMove.status == .badRequest)
            let extra = try await BookingAPITests.post(client, move, text: #"{"start":"2026-11-25T13:00:00-05:00","clientId":"someone-else"}"#)
            #expect(extra.status == .unprocessableContent)
            #expect(Self.fields(extra) == ["clientId"])
            let after = try await APIBodyLimitTests.booked(setup)
            #expect(after.first?.start == RFC3339.parse("2026-11-25T10:00:00-05:00"), "not moved")
        }
    }

    /// A body of a thousand unknown fields gets 50 named and a count of the rest, not an answer larger than itself;
    /// so does a 1 MB assessment of 90,000.
    @Test func hostileBodiesGetShortAnswers() async throws {
        let setup = try await BookingAPITests.setUp()
        _ = try await setup.fixture.services.apiTokens.create(accountId: setup.fixture.therapist.id, name: "t", tokenHash: Secrets.hash("lmb_theo"),
                                                              at: setup.fixture.clock.now)
        try await setup.fixture.test { client in
            let booking = try await BookingAPITests.post(client, "/api/v1/appointments", text: Self.keys(1_000))
            #expect(booking.status == .unprocessableContent)
            let fields = Self.fields(booking)
            #expect(fields.count == ProblemListing.limit + 1 && fields.first == "k0")
            #expect(String(buffer: booking.body).contains("and 950 more problems not listed"))

            let body = Self.keys(90_000)
            #expect(body.utf8.count < 1_048_576)
            let assessment = try await client.execute(uri: "/api/v1/assessments", method: .post,
                                                      headers: [.authorization: "Bearer lmb_theo", .contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(assessment.status == .unprocessableContent)
            #expect(assessment.body.readableBytes < 20_000, "answer of \(assessment.body.readableBytes) bytes")
            #expect(String(buffer: assessment.body).contains("more problems not listed"))
        }
    }

    /// An object of `count` distinct keys, none a field of any request.
    static func keys(_ count: Int) -> String { "{" + (0..<count).map { "\"k\($0)\":0" }.joined(separator: ",") + "}" }

    /// `APIBodyMiddleware.bodyFields` must list exactly the properties the published document gives each request
    /// body, and the document must refuse others (`additionalProperties: false`), so the two cannot drift apart.
    @Test func bodyFieldTableMatchesTheDocument() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let spec = String(buffer: try await client.execute(uri: "/openapi.yaml", method: .get).body)
            var documented = Self.requestBodies(spec)
            let assessment = documented.removeValue(forKey: "createAssessment")
            #expect(assessment?.closed == true, "the hand-registered assessment body is closed too")
            #expect(documented.mapValues(\.fields) == APIBodyMiddleware.bodyFields)
            #expect(documented.values.allSatisfy { $0.closed }, "every request body says additionalProperties: false")
        }
        let sample = """
              operationId: sendThing
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      properties:
                        a: { type: string }
                        b:
                          type: object
                          properties:
                            inner: { type: string }
              responses:
              operationId: sendOther
              requestBody:
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Other" }
            components:
              schemas:
                Other:
                  type: object
                  properties:
                    c: { type: integer }
            """
        #expect(Self.requestBodies(sample)["sendThing"]?.fields == ["a", "b"])
        #expect(Self.requestBodies(sample)["sendThing"]?.closed == true)
        #expect(Self.requestBodies(sample)["sendOther"]?.fields == ["c"])
        #expect(Self.requestBodies(sample)["sendOther"]?.closed == false)
    }

    /// Per operation id with a request body: the top-level property names of its schema (inline or a
    /// `#/components/schemas/` reference), and whether it says `additionalProperties: false`.
    static func requestBodies(_ yaml: String) -> [String: (fields: Set<String>, closed: Bool)] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func text(_ line: String) -> Substring { line.drop { $0 == " " } }
        /// The lines nested under line `start`.
        func block(_ start: Int) -> ArraySlice<String> {
            let end = lines[(start + 1)...].firstIndex { !text($0).isEmpty && indent($0) <= indent(lines[start]) } ?? lines.endIndex
            return lines[(start + 1)..<end]
        }
        func schema(_ body: ArraySlice<String>) -> (fields: Set<String>, closed: Bool) {
            guard let properties = body.firstIndex(where: { text($0) == "properties:" }) else { return ([], false) }
            let depth = indent(lines[properties])
            let fields = block(properties).filter { indent($0) == depth + 2 }.compactMap { $0.firstMatch(of: /^\s*(\w+):/).map { String($0.1) } }
            let closed = body.contains { indent($0) == depth && text($0) == "additionalProperties: false" }
            return (Set(fields), closed)
        }
        var result: [String: (fields: Set<String>, closed: Bool)] = [:]
        var operation = ""
        for (index, line) in lines.enumerated() {
            if text(line).hasPrefix("operationId:") { operation = text(line).dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces) }
            guard text(line) == "requestBody:", let at = block(index).firstIndex(where: { text($0).hasPrefix("schema:") }) else { continue }
            if let name = lines[at].firstMatch(of: /\$ref: "#\/components\/schemas\/(\w+)"/)?.1 {
                guard let definition = lines.firstIndex(where: { text($0) == "\(name):" && indent($0) > 0 }) else { continue }
                result[operation] = schema(block(definition))
            } else {
                result[operation] = schema(block(at))
            }
        }
        return result
    }
}
