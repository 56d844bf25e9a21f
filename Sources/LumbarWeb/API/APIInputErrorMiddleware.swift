import Foundation
import HTTPTypes
import LumbarCore
import OpenAPIRuntime

/// A request the generated API cannot read into an operation's input (a missing parameter, no body, a body of the
/// wrong type or shape) is the caller's mistake: answer 400 (415 for the content type) naming the field, not 500.
/// Errors from a handler, after the input was read, are left to the error pages.
struct APIInputErrorMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch let error as ServerError where error.operationInput == nil {
            let (status, problems) = Self.problems(error, request: request, bodyLength: body?.length, operationID: operationID)
            let json = APIError.body(status == .unsupportedMediaType ? "Send the body as application/json." : "The request could not be read.",
                                     problems: problems)
            return (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(json))
        }
    }

    /// Required query parameters by operation: the runtime reports one that is missing without its name.
    static let requiredQuery = ["getAvailability": ["serviceId", "locationId", "from", "to"], "searchClients": ["q"], "getEndOfDayReport": ["date"],
                                "getRevenueReport": ["from", "to"], "getUtilizationReport": ["from", "to"], "getCompensationReport": ["from", "to"]]

    /// The fields at fault, from the runtime's description of what it could not decode.
    static func problems(_ error: ServerError, request: HTTPRequest, bodyLength: HTTPBody.Length?, operationID: String) -> (HTTPResponse.Status, [AssessmentProblem]) {
        let cause = error.causeDescription
        if cause.hasPrefix("Unexpected content type") {
            return (.unsupportedMediaType, [AssessmentProblem(field: "body", message: "must be application/json")])
        }
        let noBody = bodyLength == nil || bodyLength == .known(0)
        if cause.hasPrefix("Missing required request body") || (noBody && request.method == .post) {
            return (.badRequest, [AssessmentProblem(field: "body", message: "is required: send a JSON object")])
        }
        if let decoding = error.underlyingError as? DecodingError {
            if case .valueNotFound(_, let context) = decoding, context.codingPath.isEmpty, let names = requiredQuery[operationID] {
                let present = Set(queryItems(request.path ?? "").filter { !$0.value.isEmpty }.map(\.name))
                let missing = names.filter { !present.contains($0) }
                if !missing.isEmpty { return (.badRequest, missing.map { AssessmentProblem(field: $0, message: "is required") }) }
            }
            return (.badRequest, [decodingProblem(decoding)])
        }
        if let range = cause.range(of: "named: ") {
            return (.badRequest, [AssessmentProblem(field: String(cause[range.upperBound...]).trimmed, message: "is required")])
        }
        return (.badRequest, [AssessmentProblem(field: "request", message: "could not be read")])
    }

    static func queryItems(_ path: String) -> [(name: String, value: String)] {
        guard let start = path.firstIndex(of: "?") else { return [] }
        return path[path.index(after: start)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]).removingPercentEncoding ?? String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    static func decodingProblem(_ error: DecodingError) -> AssessmentProblem {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "body" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return AssessmentProblem(field: field(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context): return AssessmentProblem(field: field(context.codingPath), message: "must be \(Self.kind(type))")
        case .valueNotFound(let type, let context): return AssessmentProblem(field: field(context.codingPath), message: "must be \(Self.kind(type)), not null")
        case .dataCorrupted(let context):
            return AssessmentProblem(field: field(context.codingPath), message: context.codingPath.isEmpty ? "is not valid JSON" : "has a value that is not allowed")
        @unknown default: return AssessmentProblem(field: "body", message: "could not be read")
        }
    }

    static func kind(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "String": "a string"
        case "Int", "Int64", "Int32", "Double": "a number"
        case "Bool": "true or false"
        default: "a value of the documented type"
        }
    }
}
