import LumbarCore
import Mustache

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

extension ClientRecordPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "dateOfBirth": dateOfBirth
        case "therapists": therapists
        case "showsClinical": showsClinical
        case "notes": notes
        case "canWrite": canWrite
        case "canAssign": canAssign
        case "canInvite": canInvite
        case "assignField": assignField
        case "noteFields": noteFields
        case "appointments": appointments
        case "ownView": ownView
        case "intake": intake
        case "homeProgram": homeProgram
        case "visits": visits
        case "progress": progress
        case "receipts": receipts
        case "questionnaires": questionnaires
        default: nil
        }
    }
}

extension ClientRecordPage.NoteRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "createdAt": createdAt
        case "authorName": authorName
        case "body": body
        case "amends": amends
        case "reason": reason
        default: nil
        }
    }
}

extension ClientRecordPage.QuestionnaireLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "code": code
        case "name": name
        default: nil
        }
    }
}

extension ClientRecordPage.ReceiptLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        default: nil
        }
    }
}

extension ClientRecordPage.VisitRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "when": when
        case "author": author
        case "status": status
        case "pain": pain
        case "amended": amended
        default: nil
        }
    }
}

extension ClientRecordPage.AppointmentRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "when": when
        case "service": service
        case "therapist": therapist
        case "status": status
        case "serviceId": serviceId
        case "locationId": locationId
        case "canCancel": canCancel
        case "canWait": canWait
        default: nil
        }
    }
}
