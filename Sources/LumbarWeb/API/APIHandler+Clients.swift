import LumbarClinic
import LumbarCore

/// The client search box over the API: the same query reading, index and who-sees-whom rule as the staff pages.
extension APIHandler {
    func searchClients(_ input: Operations.SearchClients.Input) async throws -> Operations.SearchClients.Output {
        let caller = try caller()
        var problems: [FieldProblem] = []
        if let tooLong = ClientQuery.limit.problem("q", input.query.q) { problems.append(tooLong) }
        let limit = input.query.limit ?? 20
        if !(1...50).contains(limit) { problems.append(FieldProblem("limit", "must be 1 to 50")) }
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.problems(problems)))) }
        let query = ClientQuery(input.query.q)
        var matches: [ClientMatch] = []
        if !query.isEmpty {
            let policy = try await services.policy()
            let scoped = caller.account.role == .therapist && !policy.sharedCare
            matches = try await services.clients.search(query, treatedBy: scoped ? caller.account.id : nil, limit: limit)
        }
        // The count only: what was typed may itself be a client's details.
        try await audit(caller, .view, .contact, client: nil, detail: "API client search, \(matches.count) found")
        return .ok(.init(body: .json(.init(clients: matches.map { match in
            let client = match.client
            return .init(id: client.id, firstName: client.firstName, lastName: client.lastName, dateOfBirth: client.dateOfBirth?.description,
                         phone: client.phone, email: client.email, matchedBy: Self.matchedBy(match.matchedBy))
        }))))
    }

    static func matchedBy(_ kind: ClientSearch.Kind) -> Components.Schemas.ClientMatch.MatchedByPayload {
        switch kind {
        case .lastName: .lastName
        case .firstName: .firstName
        case .email: .email
        case .phone: .phone
        case .birth: .dateOfBirth
        }
    }
}
