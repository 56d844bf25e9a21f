import LumbarCore
import Mustache

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
