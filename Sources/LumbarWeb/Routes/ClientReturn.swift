import Foundation

/// A booking form left to register a new client: where registering sends the user back to, with the new client
/// chosen there and everything else they had filled in (therapist, time, service) kept.
struct ClientReturn: Sendable, Equatable {
    /// The forms that may be returned to, and the field each takes the client's id in. Only these paths are ever
    /// redirected to, so the address cannot send anyone off the site.
    static let forms = ["/calendar/new": "client", "/calendar/past": "pastClient"]

    /// The booking form's path, one of `forms`.
    let path: String
    /// The form's other fields, by name.
    let fields: [String: String]

    /// Leaving `form`, as sent to (or shown by) `path`: keeps what was filled in, not the choice being replaced.
    init?(leaving path: String, _ form: FormData) {
        guard let field = Self.forms[path] else { return nil }
        let dropped: Set = ["_csrf", "find", "newClient", "saved", field, field + "-search"]
        self.path = path
        fields = form.fields.filter { !dropped.contains($0.key) && !$0.value.isEmpty }
    }

    /// The return written in `address` (the `back` field of the registration form), if it names one of `forms`.
    init?(_ address: String) {
        let parts = address.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts.first.map(String.init) else { return nil }
        self.init(leaving: path, FormData(encoded: parts.count > 1 ? String(parts[1]) : ""))
    }

    /// The booking form as it was left, its fields in a steady order.
    var address: String { Self.address(path, sorted) }

    /// The booking form again with `clientId` chosen, saying the client was registered.
    func back(chosen clientId: String) -> String {
        Self.address(path, sorted + [(Self.forms[path] ?? "client", clientId), ("saved", "client")])
    }

    /// Where the New client button goes: the registration form, carrying this return.
    var registering: String { "/clients/new?back=" + CalendarQuery.encoded(address) }

    private var sorted: [(String, String)] { fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    private static func address(_ path: String, _ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? path : path + "?" + pairs.map { "\($0.0)=\(CalendarQuery.encoded($0.1))" }.joined(separator: "&")
    }
}
