/// A client found by a search, and which of their keys found them (a name, the email, the phone, the birth date).
public struct ClientMatch: Sendable, Equatable {
    public let client: Client
    public let matchedBy: ClientSearch.Kind

    public init(client: Client, matchedBy: ClientSearch.Kind) {
        self.client = client
        self.matchedBy = matchedBy
    }
}
