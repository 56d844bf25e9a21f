import Hummingbird

/// Headers that keep pages from loading anything we do not serve, or being framed; that keep every answer out of
/// shared and browser caches unless it chose otherwise (pages, API answers and downloads all carry client
/// information); and, when the clinic is served over https, that tell browsers never to use plain http.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the public address (`LUMBAR_PUBLIC_URL`) is https.
    let https: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A served document sets a stricter policy of its own (DocumentRoutes); every page gets this one.
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        // Stylesheets, scripts and exercise drawings hold nothing private and may be cached as they say.
        if response.headers[.cacheControl] == nil, !request.uri.path.hasPrefix("/static/") {
            response.headers[.cacheControl] = "no-store"
        }
        if https { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
