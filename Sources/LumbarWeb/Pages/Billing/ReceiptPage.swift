import Mustache

/// The model `receipt.mustache` draws: what stood on the invoice when the receipt was issued.
struct ReceiptPage: Sendable {
    struct Line: Sendable {
        let text: String
        let amount: String
    }

    let chrome: Chrome
    let receiptId: String
    let number: Int
    let invoiceNumber: Int
    let duplicate: Bool
    let afterRefund: String?
    /// Set when the invoice was voided after this receipt was issued: the receipt no longer stands.
    let voided: String?
    let clinicName: String
    let clinicAddress: String
    let hstNumber: String?
    let clientName: String
    let visitDate: String?
    let therapist: String?
    let registration: String
    let lines: [Line]
    let subtotal: String
    let tax: String
    let total: String
    /// What the invoice charges once refunds are taken off.
    let charged: String
    let payments: [Line]
    let paid: String
    let refunds: [Line]
    let hasRefunds: Bool
    let netPaid: String
    let owed: String
    let issued: String
    let canEmail: Bool
    /// Where it was just sent, to say so; nil when it was not.
    let emailedTo: String?
    let emailAddress: String
    let billingURL: String?
}

// MARK: - Mustache

extension ReceiptPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "receiptId": receiptId
        case "number": number
        case "invoiceNumber": invoiceNumber
        case "duplicate": duplicate
        case "afterRefund": afterRefund
        case "voided": voided
        case "clinicName": clinicName
        case "clinicAddress": clinicAddress
        case "hstNumber": hstNumber
        case "clientName": clientName
        case "visitDate": visitDate
        case "therapist": therapist
        case "registration": registration
        case "lines": lines
        case "subtotal": subtotal
        case "tax": tax
        case "total": total
        case "charged": charged
        case "payments": payments
        case "paid": paid
        case "refunds": refunds
        case "hasRefunds": hasRefunds
        case "netPaid": netPaid
        case "owed": owed
        case "issued": issued
        case "canEmail": canEmail
        case "emailedTo": emailedTo
        case "emailAddress": emailAddress
        case "billingURL": billingURL
        default: nil
        }
    }
}

extension ReceiptPage.Line: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        case "amount": amount
        default: nil
        }
    }
}
