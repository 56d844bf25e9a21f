import Mustache

/// What `calendar_appointment.mustache` draws: one appointment's details, and what the front desk can do with it.
struct CalendarAppointmentPage {
    let chrome: Chrome
    let id: String
    let heading: String
    let clientId: String
    let client: String
    let service: String
    let therapist: String
    let room: String?
    let when: String
    let status: String
    let price: String
    let fee: String?
    let cancelReason: String?
    /// Still booked: it can be moved or cancelled.
    let canChange: Bool
    /// Why the last change asked for was refused.
    let problem: String?
    let canArrive: Bool
    let canMarkNoShow: Bool
    /// Booked, but too early to mark: when it can be.
    let waitNote: String?
    /// Arrived or a no-show today, with no money taken: the mark can be taken back.
    let canUndo: Bool
    let undoLabel: String
    /// Not booked and not to be taken back: why it stays as it is.
    let fixedNote: String?
    /// Arrived: where its payment is taken.
    let paymentLink: String?
    let calendarLink: String
}

extension CalendarAppointmentPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "id": id
        case "heading": heading
        case "clientId": clientId
        case "client": client
        case "service": service
        case "therapist": therapist
        case "room": room
        case "when": when
        case "status": status
        case "price": price
        case "fee": fee
        case "cancelReason": cancelReason
        case "canChange": canChange
        case "problem": problem
        case "canArrive": canArrive
        case "canMarkNoShow": canMarkNoShow
        case "waitNote": waitNote
        case "canUndo": canUndo
        case "undoLabel": undoLabel
        case "fixedNote": fixedNote
        case "paymentLink": paymentLink
        case "calendarLink": calendarLink
        default: nil
        }
    }
}
