import Foundation
import Hummingbird
import LumbarClinic
import LumbarStorage
import NIOCore

/// Liveness with a real database round trip, and the API description.
struct HealthRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/health") { _, _ -> Response in
            do {
                try await services.database.ping()
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
            } catch {
                return Response(status: .serviceUnavailable, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"database unreachable"}"#)))
            }
        }
        let document = (try? Data(contentsOf: Bundle.module.bundleURL.appendingPathComponent("openapi.yaml"))) ?? Data()
        router.get("/openapi.yaml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
