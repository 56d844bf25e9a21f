import Foundation
import Hummingbird
import Logging
import LumbarCore

/// Gives each request an id and the caller's address, and logs method, path and status only:
/// never query strings or bodies, which can hold health information or secrets.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestId = Self.requestId(request)
        context.address = Self.address(request, peer: context.peerAddress, trustProxy: trustProxy)
        context.logger[metadataKey: "request"] = .string(context.requestId)
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.init("X-Request-Id")!] = context.requestId
            log(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("\(request.method) \(request.uri.path) \(status) \(Int(ms))ms")
    }

    /// Accepts a proxy's request id only when it is short and plain, so logs cannot be forged through it.
    static func requestId(_ request: Request) -> String {
        if let given = request.headers[.init("X-Request-Id")!], given.count <= 64,
           given.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            return given
        }
        return RandomUUID.make()
    }

    static func address(_ request: Request, peer: String, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers[.init("X-Forwarded-For")!],
           let first = forwarded.split(separator: ",").first?.trimmingCharacters(in: .whitespaces), !first.isEmpty, first.count <= 64 {
            return first
        }
        return peer
    }
}
