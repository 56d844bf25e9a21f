import LumbarCore
import Mustache

/// The model `billing.mustache` draws: a client's account at the desk.
struct BillingPage: Sendable {
    typealias Option = FieldView.Option

    struct PaymentRow: Sendable {
        let text: String
        let refundURL: String?
    }

    struct Line: Sendable {
        let text: String
    }

    struct ReceiptLink: Sendable {
        let id: String
        let label: String
    }

    struct InvoiceRow: Sendable {
        let id: String
        let number: Int
        let title: String
        let detail: String
        let total: String
        let state: String
        let stateClass: String
        let owes: Bool
        let isVoid: Bool
        let voidText: String?
        let payments: [PaymentRow]
        let hasMoney: Bool
        let refunds: [Line]
        let receipts: [ReceiptLink]
        let hasReceipts: Bool
        let canPay: Bool
        let canReceipt: Bool
        let voidURL: String?
        let amount: String
        let methods: [Option]
        let code: String
        let packages: [Option]
        let hasPackages: Bool
        let keepCredit: Bool
        let payError: String?
        let codeError: String?
    }

    struct ChargeRow: Sendable {
        let appointmentId: String
        let text: String
        let amount: String
    }

    struct PackageRow: Sendable {
        let name: String
        let left: String
        let until: String
        let usable: Bool
    }

    /// The "Sold at" choice on a sale form, shown only when the clinic has more than one location.
    struct LocationChoice: Sendable {
        /// The select's id, different on each form of the page.
        let id: String
        let options: [Option]
        let error: String?
    }

    struct GiftRow: Sendable {
        let code: String
        let recipient: String
        let balance: String
    }

    let chrome: Chrome
    let client: Client
    let owed: String
    let owes: Bool
    let credit: String
    let hasCredit: Bool
    let invoices: [InvoiceRow]
    let hasInvoices: Bool
    let uninvoiced: [ChargeRow]
    let hasUninvoiced: Bool
    let packages: [PackageRow]
    let gifts: [GiftRow]
    let hasGifts: Bool
    let plans: [Option]
    let hasPlans: Bool
    let giftAmount: String
    let giftRecipient: String
    let giftAmountError: String?
    let giftRecipientError: String?
    let packageError: String?
    let packageLocation: LocationChoice?
    let giftLocation: LocationChoice?
    /// A refused payment, said at the top too, linking to its invoice (it may be far down the page).
    let topError: String?
    let topErrorLink: String
}

// MARK: - Mustache

extension BillingPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "owed": owed
        case "owes": owes
        case "credit": credit
        case "hasCredit": hasCredit
        case "invoices": invoices
        case "hasInvoices": hasInvoices
        case "uninvoiced": uninvoiced
        case "hasUninvoiced": hasUninvoiced
        case "packages": packages
        case "gifts": gifts
        case "hasGifts": hasGifts
        case "plans": plans
        case "hasPlans": hasPlans
        case "giftAmount": giftAmount
        case "packageLocation": packageLocation
        case "giftLocation": giftLocation
        case "giftRecipient": giftRecipient
        case "giftAmountError": giftAmountError
        case "giftRecipientError": giftRecipientError
        case "packageError": packageError
        case "topError": topError
        case "topErrorLink": topErrorLink
        default: nil
        }
    }
}

extension BillingPage.PaymentRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        case "refundURL": refundURL
        default: nil
        }
    }
}

extension BillingPage.Line: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}

extension BillingPage.ReceiptLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        default: nil
        }
    }
}

extension BillingPage.InvoiceRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "number": number
        case "title": title
        case "detail": detail
        case "total": total
        case "state": state
        case "stateClass": stateClass
        case "owes": owes
        case "isVoid": isVoid
        case "voidText": voidText
        case "payments": payments
        case "hasMoney": hasMoney
        case "refunds": refunds
        case "receipts": receipts
        case "hasReceipts": hasReceipts
        case "canPay": canPay
        case "canReceipt": canReceipt
        case "voidURL": voidURL
        case "amount": amount
        case "methods": methods
        case "code": code
        case "packages": packages
        case "hasPackages": hasPackages
        case "keepCredit": keepCredit
        case "payError": payError
        case "codeError": codeError
        default: nil
        }
    }
}

extension BillingPage.ChargeRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "appointmentId": appointmentId
        case "text": text
        case "amount": amount
        default: nil
        }
    }
}

extension BillingPage.PackageRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "left": left
        case "until": until
        case "usable": usable
        default: nil
        }
    }
}

extension BillingPage.GiftRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "code": code
        case "recipient": recipient
        case "balance": balance
        default: nil
        }
    }
}

extension BillingPage.LocationChoice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "options": options
        case "error": error
        default: nil
        }
    }
}
