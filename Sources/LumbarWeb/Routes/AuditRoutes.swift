import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The owner's view of the PHIPA access log, filterable and exportable as CSV. Reading it is itself logged.
struct AuditRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/audit") { request, context -> Response in
            let owner = try context.owner()
            let (filter, form, problems) = try await filter(request)
            let rows = problems.isEmpty ? try await rows(filter) : []
            try await services.audit(owner, context, .view, .auditLog, client: filter.clientId)
            let fields = try await fields().filled(from: form, problems: problems)
            var chrome = context.chrome("Audit log")
            chrome.notice = problems.isEmpty ? nil : "Check the dates below."
            let page = AuditPage(chrome: chrome, fields: fields, entries: rows, query: request.uri.query ?? "")
            return services.views.page("audit", page, status: problems.isEmpty ? .ok : .unprocessableContent)
        }
        router.get("/audit.csv") { request, context -> Response in
            let owner = try context.owner()
            let (filter, _, problems) = try await filter(request, limit: 10_000)
            guard problems.isEmpty else { throw PageError.badForm(problems.map(\.message).joined(separator: " ")) }
            let rows = try await rows(filter)
            try await services.audit(owner, context, .export, .auditLog, client: filter.clientId, detail: "\(rows.count) rows")
            var csv = "when_utc,actor,role,client,information,action,address,detail\r\n"
            for row in rows {
                csv += [row.at, row.actor, row.role, row.client, row.infoType, row.action, row.address, row.detail].map(Self.csvField).joined(separator: ",") + "\r\n"
            }
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"lumbar-audit.csv\"", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// The shared CSV quoting (kept here by name for the audit export's callers).
    static func csvField(_ value: String) -> String { CSV.field(value) }

    private func fields() async throws -> [FieldView] {
        let staff = try await services.accounts.staff()
        let clients = try await services.clients.list()
        return [
            FieldView.select("client", "Client", [("", "Any client")] + clients.map { ($0.id, "\($0.lastName), \($0.firstName)") }),
            FieldView.select("staff", "Staff member", [("", "Anyone")] + staff.map { ($0.id, $0.name) }),
            FieldView("from", "From", type: "date", optional: true),
            FieldView("to", "To", type: "date", optional: true),
        ]
    }

    private func filter(_ request: Request, limit: Int = 500) async throws -> (AuditFilter, FormData, [FieldProblem]) {
        let form = FormData(encoded: request.uri.query ?? "")
        var problems: [FieldProblem] = []
        let zone = try await services.clinicTime()
        func day(_ name: String) -> LocalDate? {
            let text = form[name]
            guard !text.isEmpty else { return nil }
            guard let date = LocalDate(iso: text) else {
                problems.append(FieldProblem(name, "Enter a date as YYYY-MM-DD."))
                return nil
            }
            return date
        }
        let from = day("from"), to = day("to")
        if let from, let to, to < from { problems.append(FieldProblem("to", "The end date is before the start date.")) }
        let filter = AuditFilter(
            clientId: form["client"].isEmpty ? nil : form["client"],
            actorId: form["staff"].isEmpty ? nil : form["staff"],
            from: from.map(zone.startOf), until: to.map { zone.startOf($0.adding(days: 1)) }, limit: limit)
        return (filter, form, problems)
    }

    private func rows(_ filter: AuditFilter) async throws -> [AuditPage.Row] {
        let entries = try await services.audit.entries(filter)
        let names = Dictionary(try await services.accounts.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(try await services.clients.list().map { ($0.id, $0.fullName) }, uniquingKeysWith: { a, _ in a })
        return entries.map { entry in
            AuditPage.Row(at: entry.at.iso8601, actor: entry.actorId.map { names[$0] ?? $0 } ?? "—", role: entry.actorRole?.label ?? "—",
                client: entry.clientId.map { clients[$0] ?? $0 } ?? "—", infoType: entry.infoType.rawValue, action: entry.action.rawValue,
                address: entry.address, detail: entry.detail)
        }
    }
}
