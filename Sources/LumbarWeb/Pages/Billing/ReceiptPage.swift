import Mustache

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
