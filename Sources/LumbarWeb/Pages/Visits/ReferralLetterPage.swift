import LumbarCore
import Mustache

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
