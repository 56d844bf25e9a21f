import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A minimal browser over the test client: keeps cookies, finds the page's CSRF token, posts forms.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var lastBody = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let location: String?
        let body: String
        let headers: HTTPFields
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, .get, body: nil, contentType: nil, headers: headers)
    }

    /// Posts a form, adding the CSRF token from the last page unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [String: String], csrf: String? = nil) async throws -> Page {
        var all = fields
        if all["_csrf"] == nil { all["_csrf"] = csrf ?? token() }
        let encoded = all.map { key, value in
            "\(Self.escape(key))=\(Self.escape(value))"
        }.joined(separator: "&")
        return try await send(uri, .post, body: encoded, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts fields that may repeat (a group of checkboxes), in order.
    @discardableResult
    func post(_ uri: String, pairs: [(String, String)]) async throws -> Page {
        let all = pairs.contains { $0.0 == "_csrf" } ? pairs : pairs + [("_csrf", token())]
        let encoded = all.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await send(uri, .post, body: encoded, contentType: "application/x-www-form-urlencoded")
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, body: String?, contentType: String?, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if response.status == .ok || response.status.code >= 400 { lastBody = text }
        return Page(status: response.status, location: response.headers[.location], body: text, headers: response.headers)
    }

    /// The CSRF token in the last page's forms.
    func token() -> String {
        guard let range = lastBody.range(of: "name=\"_csrf\" value=\"") else { return cookies["lumbar_csrf"] ?? "" }
        return String(lastBody[range.upperBound...].prefix { $0 != "\"" })
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Signs in with email and password (and the owner's code when asked), following redirects.
    func signIn(_ email: String, password: String = WebFixture.password, code: (() -> String)? = nil) async throws -> Page {
        try await get("/login")
        var page = try await post("/login", ["email": email, "password": password])
        if page.location == "/login/code", let code {
            try await get("/login/code")
            page = try await post("/login/code", ["code": code()])
        }
        return page
    }
}
