import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore

/// Finding clients for staff, wherever a client is chosen (the client list, booking, billing): the search with the
/// clinic's rule on who may see whom, audited as a view of the client list with the count, never the words typed.
struct ClientFinder {
    let services: AppServices

    /// How many matches a search box offers.
    static let shown = 10

    /// The therapist whose clients alone `account` may find (a therapist, when care is not shared); nil: everyone.
    func scope(_ account: Account) async throws -> String? {
        guard account.role == .therapist else { return nil }
        return try await services.policy().sharedCare ? nil : account.id
    }

    /// The clients `typed` finds for `account`, best first; nothing for an empty or over-long query.
    func search(_ typed: String, account: Account, context: AppRequestContext, limit: Int = shown) async throws -> [ClientMatch] {
        let query = ClientQuery(typed)
        guard !query.isEmpty, ClientQuery.limit.allows(typed) else { return [] }
        let matches = try await services.clients.search(query, treatedBy: try await scope(account), limit: limit)
        try await services.audit(account, context, .view, .contact, client: nil, detail: "client search, \(matches.count) found")
        return matches
    }

    /// The form was sent by the picker's Find button (a page without script): show the form again with the matches.
    static func wantsFind(_ form: FormData) -> Bool { form.has("find") }

    /// The picker for a form as it was sent: what was typed in `<field>-search`, the client chosen in `field` (only
    /// one `account` may see), and the matches when Find was pressed or nobody is chosen yet.
    func picker(_ form: FormData, account: Account, context: AppRequestContext, field: String = "client", label: String = "Client",
                error: String? = nil, findAction: String? = nil) async throws -> ClientPicker {
        let queryName = field + "-search"
        let typed = form[queryName]
        var chosen: Client?
        if !form[field].isEmpty, let access = try? await services.clientAccess(account, form[field]) { chosen = access.client }
        let tooLong = ClientQuery.limit.problem(queryName, typed)?.message
        let searching = tooLong == nil && !typed.trimmed.isEmpty && (Self.wantsFind(form) || chosen == nil)
        let matches = searching ? try await search(typed, account: account, context: context).map(\.client) : []
        var picker = ClientPicker(field: field, label: label, queryName: queryName, query: typed, chosen: Self.wantsFind(form) ? nil : chosen,
                                  matches: matches, searched: searching, error: tooLong ?? error, findAction: findAction)
        picker.autofocus = chosen == nil && typed.isEmpty && error == nil
        return picker
    }

    /// `GET /clients/search?q=` answered as JSON: `{"clients":[{"id","name","born","phone","email","href"}]}`.
    func json(_ matches: [ClientMatch]) throws -> Response {
        struct Found: Encodable { let id, name, born, phone, email, href: String }
        struct Answer: Encodable { let clients: [Found] }
        let answer = Answer(clients: matches.map { match in
            let client = match.client
            return Found(id: client.id, name: client.fullName, born: client.dateOfBirth?.description ?? "", phone: client.phone,
                         email: client.email, href: "/clients/\(client.id)")
        })
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(answer))))
    }
}
