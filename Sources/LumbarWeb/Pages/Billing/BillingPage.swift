import LumbarCore
import Mustache

/// The model `billing.mustache` draws.
struct BillingPage: Sendable {
    struct Row: Sendable {
        struct Line: Sendable { let text: String }
        struct ReceiptLink: Sendable { let id: String; let label: String }
        let id: String
        let when: String
        let service: String
        let status: String
        let charge: String
        let paid: String
        let owed: String
        let owes: Bool
        let chargeable: Bool
        let payments: [Line]
        let receipts: [ReceiptLink]
        let amountError: String?
    }

    struct Method: Sendable { let value: String; let label: String }
    let chrome: Chrome
    let client: Client
    let rows: [Row]
    let totalOwed: String
    let methods: [Method]
}

extension BillingPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "rows": rows
        case "totalOwed": totalOwed
        case "methods": methods
        default: nil
        }
    }
}

extension BillingPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "when": when
        case "service": service
        case "status": status
        case "charge": charge
        case "paid": paid
        case "owed": owed
        case "owes": owes
        case "chargeable": chargeable
        case "payments": payments
        case "receipts": receipts
        case "amountError": amountError
        default: nil
        }
    }
}

extension BillingPage.Row.Line: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}

extension BillingPage.Row.ReceiptLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        default: nil
        }
    }
}

extension BillingPage.Method: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        default: nil
        }
    }
}
