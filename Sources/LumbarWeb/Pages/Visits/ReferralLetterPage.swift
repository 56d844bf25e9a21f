import LumbarCore
import Mustache

/// The model `referral_form.mustache` and `referral_letter.mustache` draw.
struct ReferralLetterPage: Sendable {
    struct Line: Sendable { let text: String }
    let chrome: Chrome
    let client: Client
    let clinicName: String
    let clinicAddress: String
    let date: String
    let recipient: String
    let reason: String
    let therapist: String
    let registration: String
    let history: [Line]
    let findings: [Line]
    let treatment: [Line]
    let outcomes: [Line]
    let recipientError: String?
    let reasonError: String?
    let printable: Bool
}

extension ReferralLetterPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "clinicName": clinicName
        case "clinicAddress": clinicAddress
        case "date": date
        case "recipient": recipient
        case "reason": reason
        case "therapist": therapist
        case "registration": registration
        case "history": history
        case "findings": findings
        case "treatment": treatment
        case "outcomes": outcomes
        case "recipientError": recipientError
        case "reasonError": reasonError
        case "printable": printable
        default: nil
        }
    }
}

extension ReferralLetterPage.Line: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}
