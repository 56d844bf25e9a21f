import HTTPTypes
import LumbarCore
import OpenAPIRuntime

/// Reads a generated route's body no further than its limit: 413 as soon as the declared length or the bytes
/// received pass it, the rest never held in memory. A JSON body is then held to the assessment contract's
/// strictness before the generated decoder (which would accept trailing commas) sees it: RFC 8259 only, valid
/// UTF-8, no key twice, no field the published document does not define.
struct APIBodyMiddleware: ServerMiddleware {
    /// The fields each operation's JSON body may carry: the `properties` of its request body schema in openapi.yaml,
    /// which also says `additionalProperties: false` (a test holds the two equal). Operations not listed take no body.
    static let bodyFields: [String: Set<String>] = [
        "createAppointment": ["clientId", "serviceId", "locationId", "therapistId", "start", "weeks"],
        "rescheduleAppointment": ["start", "therapistId"],
        "createLocation": locationFields, "updateLocation": locationFields,
        "createService": serviceFields, "updateService": serviceFields,
        "inviteStaff": staffFields, "updateStaff": staffFields,
        "setHours": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "createTimeOff": timeOffFields, "updateTimeOff": timeOffFields,
        "startVisitNote": ["copyFromLast", "templateId"],
        "saveVisitNote": ["painNow", "subjective", "psfs", "findings", "objective", "rangeOfMotion", "tests", "bodyChart", "techniques",
                          "glutealVerbalConsent", "plan", "amendReason"],
        "createNoteTemplate": noteTemplateFields, "updateNoteTemplate": noteTemplateFields,
        "payInvoice": ["amountCents", "method", "giftCode", "packageId", "keepRestAsCredit"],
        "refundPayment": ["amountCents", "toCredit", "reason"],
        "voidInvoice": ["reason"],
        "createPackagePlan": ["name", "serviceId", "visits", "priceCents", "validDays"],
        "sellPackage": ["planId", "locationId"], "sellGiftCertificate": ["amountCents", "recipient", "locationId"],
    ]
    static let noteTemplateFields: Set = ["name", "serviceId", "subjective", "objective", "plan", "techniques", "personal"]
    static let locationFields: Set = ["name", "address", "timeZone", "rooms"]
    static let serviceFields: Set = ["name", "minutes", "bufferMinutes", "priceCents", "taxBasisPoints", "bookableOnline", "audience"]
    static let staffFields: Set = ["name", "email", "role", "collegeRegistration"]
    static let timeOffFields: Set = ["therapistId", "start", "end", "note"]
    /// A booking body is a few hundred bytes; this leaves room for long identifiers and nothing more.
    static let bodyLimit = 16_384
    /// What an operation that takes no body will read of one before refusing it (it is otherwise ignored).
    static let ignoredBodyLimit = 1_024

    /// A visit note or template carries up to five clinical texts (20,000 characters each, up to 4 bytes a character).
    static let clinicalBodyLimit = 512 * 1024
    static let clinicalOperations: Set = ["saveVisitNote", "createNoteTemplate", "updateNoteTemplate"]
    static func limit(_ operationID: String) -> Int {
        bodyFields[operationID] == nil ? ignoredBodyLimit : clinicalOperations.contains(operationID) ? clinicalBodyLimit : bodyLimit
    }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body else { return try await next(request, nil, metadata) }
        let limit = Self.limit(operationID)
        guard let bytes = try await Self.collect(body, limit: limit) else {
            return Self.answer(.contentTooLarge, "The body is larger than this address accepts.",
                               [AssessmentProblem(field: "body", message: "must be at most \(limit) bytes")])
        }
        if let fields = Self.bodyFields[operationID], !bytes.isEmpty {
            guard Self.readAsJSON(request.headerFields[.contentType]) else {
                return Self.answer(.unsupportedMediaType, "Send the body as application/json.", [AssessmentProblem(field: "body", message: "must be application/json")])
            }
            if let refusal = Self.problems(bytes, fields: fields) {
                let message = refusal.status == .badRequest ? "The request could not be read." : "Some of the request cannot be used."
                return Self.answer(refusal.status, message, refusal.problems)
            }
        }
        // An empty body is no body: an operation whose body is optional (starting a visit note) then gets none.
        return try await next(request, bytes.isEmpty ? nil : HTTPBody(bytes), metadata)
    }

    /// Whether the generated decoder would read a body of this type as JSON: it does for application/json and also
    /// for no type or a wildcard, so all of those are checked here; any other type is refused here, never passed on.
    static func readAsJSON(_ contentType: String?) -> Bool {
        let essence = (contentType?.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? "").trimmed.lowercased()
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != "*", parts[1] != "*" else { return true }
        return essence == "application/json"
    }

    /// The whole body, or nil once it is over `limit`: a declared length over it is refused before reading anything.
    static func collect(_ body: HTTPBody, limit: Int) async throws -> [UInt8]? {
        if case .known(let length) = body.length, length > limit { return nil }
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.count <= limit else { return nil }
            bytes += chunk
        }
        return bytes
    }

    /// Nil when the body is strict JSON with only `fields`; else 400 for what is not JSON at all, 422 naming each
    /// field that breaks the rules.
    static func problems(_ bytes: [UInt8], fields: Set<String>) -> (status: HTTPResponse.Status, problems: [AssessmentProblem])? {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            if let field = error.repeatedField { return (.unprocessableContent, [AssessmentProblem(field: field, message: "appears twice; send each field once")]) }
            return (.badRequest, [AssessmentProblem(field: "body", message: error.description)])
        }
        guard case .object(let members) = document else {
            return (.unprocessableContent, [AssessmentProblem(field: "body", message: "must be a JSON object, got \(document.kind)")])
        }
        let allowed = "is not a field this request takes (it takes \(fields.sorted().joined(separator: ", ")))"
        let unknown = members.filter { !fields.contains($0.key) }.map { AssessmentProblem(field: $0.key, message: allowed) }
        return unknown.isEmpty ? nil : (.unprocessableContent, unknown)
    }

    static func answer(_ status: HTTPResponse.Status, _ message: String, _ problems: [AssessmentProblem]) -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(APIError.body(message, problems: problems)))
    }
}
