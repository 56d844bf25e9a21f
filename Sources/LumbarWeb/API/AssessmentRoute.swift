import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import NIOCore

/// `POST /api/v1/assessments`: the engine over HTTP, reading the body with the contract's own strict decoder.
struct AssessmentRoute {
    let services: AppServices

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("/api/v1/assessments") { request, context -> Response in
            guard let account = context.apiAccount else { throw PageError.signInRequired }
            guard account.role == .owner || account.role == .therapist else {
                return APIError.response(.forbidden, "Only therapists and the owner may run clinical assessments.")
            }
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            guard contentType.hasPrefix("application/json") else {
                return APIError.response(.unsupportedMediaType, "Send the assessment as application/json.")
            }
            var request = request
            let body = try await FormMiddleware.collect(&request, limit: services.configuration.maxBodyBytes)
            let bytes = body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? []
            switch AssessmentInputDecoder.decode(bytes) {
            case .failure(let problems):
                // Malformed JSON is bad input like any other: 422, with the problem named (field "body").
                return APIError.response(.unprocessableContent, "The input breaks the assessment contract.", problems: problems.problems)
            case .success(let input):
                let assessment = AssessmentEngine(settings: try await services.engineSettings()).assess(input)
                try await services.audit.append(AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: nil,
                                                           infoType: .assessment, action: .create, address: context.address, detail: "API assessment"))
                var writer = JSONWriter()
                assessment.write(to: &writer)
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
            }
        }
    }
}
