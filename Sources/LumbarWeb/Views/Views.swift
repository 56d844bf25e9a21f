import Foundation
import Hummingbird
import Mustache

/// Templates, loaded once at start. Rendering escapes every `{{value}}`; no template uses triple braces for user data.
struct Views: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Views {
        let root = Bundle.module.bundleURL.appendingPathComponent("Assets/templates").path
        // Before the templates are parsed: their first tag names it.
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        let library = try await MustacheLibrary(directory: root)
        // Fail at start, not on a client's first page view.
        for name in ["layout", "field", "error", "setup", "login"] where library.getTemplate(named: name) == nil {
            throw ViewError.missingTemplates(root)
        }
        return Views(library: library)
    }

    /// The page drawn from its model. Every model, and every value in it whose fields a template reads, answers the
    /// renderer through `MustacheParent` (an explicit `child(named:)` beside the type), never by reflection; a nil
    /// optional answers nil, so the renderer looks further up the context stack. `scripts/check_views.py` checks that
    /// each `child(named:)` names every stored property.
    func render(_ template: String, _ model: some MustacheParent) -> String {
        guard let html = library.render(ModelBox(model), withTemplate: template) else {
            preconditionFailure("template \(template) is missing")
        }
        return html
    }

    func page(_ template: String, _ model: some MustacheParent, status: HTTPResponse.Status = .ok) -> Response {
        Response.html(render(template, model), status: status)
    }
}

enum ViewError: Error { case missingTemplates(String) }

extension Response {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An SVG we drew (charts, body charts); never cached, since it shows someone's record.
    static func svg(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: the browser follows with a GET, so a reload never re-posts a form.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
