import Mustache

/// The model `receipt.mustache` draws.
struct ReceiptPage: Sendable {
    let chrome: Chrome
    let receiptId: String
    let number: Int
    let duplicate: Bool
    let clinicName: String
    let clinicAddress: String
    let hstNumber: String?
    let clientName: String
    let visitDate: String
    let therapist: String
    let registration: String
    let service: String
    let subtotal: String
    let tax: String
    let total: String
    let paid: String
    let owed: String
    let payments: [String]
    let issued: String
    let canEmail: Bool
}

extension ReceiptPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "receiptId": receiptId
        case "number": number
        case "duplicate": duplicate
        case "clinicName": clinicName
        case "clinicAddress": clinicAddress
        case "hstNumber": hstNumber
        case "clientName": clientName
        case "visitDate": visitDate
        case "therapist": therapist
        case "registration": registration
        case "service": service
        case "subtotal": subtotal
        case "tax": tax
        case "total": total
        case "paid": paid
        case "owed": owed
        case "payments": payments
        case "issued": issued
        case "canEmail": canEmail
        default: nil
        }
    }
}
