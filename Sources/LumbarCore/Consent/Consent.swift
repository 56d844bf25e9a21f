/// One consent as given, or its withdrawal: who signed, how, when, and the exact text and version shown.
/// Never edited: a withdrawal is a second row that names the consent it withdraws.
public struct Consent: Sendable, Equatable, Identifiable {
    public enum Signature: String, Sendable { case typed, drawn, verbal }

    public var id: String
    public var clientId: String
    public var kind: ConsentKind
    /// The episode (intake) an episode-scoped consent belongs to.
    public var intakeId: String?
    /// The visit a visit-scoped consent covers.
    public var appointmentId: String?
    public var textVersion: String
    public var text: String
    public var signerName: String
    public var signature: Signature
    /// The typed name, or the drawn signature as an SVG path ("M x y L x y ..."); empty for spoken consent.
    public var signatureData: String
    /// The account that recorded it (the client themself, or the therapist); nil at a front-desk tablet.
    public var recordedBy: String?
    public var at: Instant
    /// Set on a withdrawal row: the consent it withdraws.
    public var withdraws: String?

    public init(id: String = "", clientId: String, kind: ConsentKind, intakeId: String?, appointmentId: String?, textVersion: String, text: String,
                signerName: String, signature: Signature, signatureData: String, recordedBy: String?, at: Instant, withdraws: String? = nil) {
        self.id = id
        self.clientId = clientId
        self.kind = kind
        self.intakeId = intakeId
        self.appointmentId = appointmentId
        self.textVersion = textVersion
        self.text = text
        self.signerName = signerName
        self.signature = signature
        self.signatureData = signatureData
        self.recordedBy = recordedBy
        self.at = at
        self.withdraws = withdraws
    }

    /// A drawn signature is kept only as move/line commands with numbers, so it can be drawn back safely.
    public static func isDrawnPath(_ text: String) -> Bool {
        guard text.hasPrefix("M"), text.count <= 20_000, text.contains("L") else { return false }
        return text.allSatisfy { "ML0123456789. -".contains($0) }
    }
}
