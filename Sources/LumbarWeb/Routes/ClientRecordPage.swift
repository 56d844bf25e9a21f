import LumbarCore

/// What a client's record page shows; `ClientRecordHTML` writes its main part.
struct ClientRecordPage {
    struct NoteRow {
        let id: String
        let createdAt: String
        let authorName: String
        let body: String
        let amends: String?
        let reason: String?
    }

    struct QuestionnaireLink: Sendable { let code: String; let name: String }

    struct ReceiptLink: Sendable { let id: String; let label: String }

    struct VisitRow: Sendable { let id: String; let when: String; let author: String; let status: String; let pain: String?; let amended: Bool }

    struct AppointmentRow {
        let id: String
        let when: String
        let service: String
        let therapist: String
        let status: String
        let serviceId: String
        let locationId: String
        let canCancel: Bool
        let canWait: Bool
    }

    let chrome: Chrome
    let client: Client
    let dateOfBirth: String
    let therapists: [Account]
    let showsClinical: Bool
    let notes: [NoteRow]
    let canWrite: Bool
    let canAssign: Bool
    let canInvite: Bool
    let assignField: [FieldView]
    let noteFields: [FieldView]
    let appointments: [AppointmentRow]
    let ownView: Bool
    let intake: IntakePanel
    /// The home-program diary in words, for the Subjective of the next note.
    let homeProgram: String?
    let visits: [VisitRow]
    let progress: ProgressPanel?
    /// The client's own receipts, on their record.
    let receipts: [ReceiptLink]
    /// Repeat questionnaires the clinic uses, offered to the client on their record.
    let questionnaires: [QuestionnaireLink]
}
