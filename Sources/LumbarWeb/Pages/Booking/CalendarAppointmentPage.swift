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
    /// Still booked: it can be marked, moved or cancelled.
    let canChange: Bool
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
        case "calendarLink": calendarLink
        default: nil
        }
    }
}
