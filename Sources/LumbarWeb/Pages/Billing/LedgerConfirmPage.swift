import Mustache

/// The question asked before an invoice is voided or a payment refunded, with the reason each needs. Drawn by
/// `ledger_confirm.mustache`.
struct LedgerConfirmPage: Sendable {
    struct Point: Sendable {
        let text: String
    }

    let chrome: Chrome
    let heading: String
    let subject: String
    let points: [Point]
    let action: String
    let back: String
    let askAmount: Bool
    let amount: String
    let amountError: String?
    let offerCredit: Bool
    let toCredit: Bool
    let reason: String
    let reasonError: String?
    let problem: String?
    let confirm: String
}

// MARK: - Mustache

extension LedgerConfirmPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "subject": subject
        case "points": points
        case "action": action
        case "back": back
        case "askAmount": askAmount
        case "amount": amount
        case "amountError": amountError
        case "offerCredit": offerCredit
        case "toCredit": toCredit
        case "reason": reason
        case "reasonError": reasonError
        case "problem": problem
        case "confirm": confirm
        default: nil
        }
    }
}

extension LedgerConfirmPage.Point: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}
