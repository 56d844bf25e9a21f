import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// A client's account at the desk: invoices with their payments, refunds and voids, credit on account, packages
/// and gift certificates. Anyone on staff who may see the client uses it; voids and refunds ask first and need a
/// reason. Every step is refused with the reason beside the field, keeping what was typed.
struct BillingRoutes {
    let services: AppServices
    var view: BillingView { BillingView(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/billing") { request, context -> Response in
            let (account, access) = try await staff(context)
            let saved = FormData(encoded: request.uri.query ?? "")["saved"]
            return try await view.page(context, account: account, client: access.client, notice: Self.savedWords(saved))
        }
        router.post("/clients/:id/appointments/:appointment/invoice") { _, context -> Response in
            let (account, access) = try await staff(context)
            guard let appointment = try await services.appointments.find(id: try context.parameters.require("appointment")),
                  appointment.clientId == access.client.id else { throw PageError.notFound }
            try await services.ledger.invoice(appointment, by: actor(account, context))
            return .seeOther("/clients/\(access.client.id)/billing?saved=invoice")
        }
        router.post("/clients/:id/invoices/:invoice/payments") { _, context -> Response in
            let (account, access) = try await staff(context)
            let entry = try await own(context, access)
            let form = context.form
            var typed = BillingView.PayForm(invoiceId: entry.invoice.id, amount: form["amount"], method: form["method"], code: form["code"],
                                            packageId: form["package"], keepCredit: form["keepCredit"] == "1", error: nil)
            guard let method = Payment.Method(rawValue: form["method"]) else {
                typed.error = "Choose how it was paid."
                return try await view.page(context, account: account, client: access.client, pay: typed, status: .unprocessableContent)
            }
            // A package covers the whole visit, so its amount is not asked for.
            let cents = method == .package ? entry.owedCents : Money.cents(form["amount"])
            guard let cents, cents > 0, cents <= 10_000_000 else {
                typed.error = "Enter an amount above $0.00 with at most two decimals, such as 120.00."
                return try await view.page(context, account: account, client: access.client, pay: typed, status: .unprocessableContent)
            }
            if method == .giftCertificate && form["code"].trimmed.isEmpty {
                typed.codeError = "Enter the code printed on the certificate, e.g. GIFT-7KQ2-M9XD."
                return try await view.page(context, account: account, client: access.client, pay: typed, status: .unprocessableContent)
            }
            do {
                let split = try await services.ledger.pay(invoiceId: entry.invoice.id, .init(cents: cents, method: method, giftCode: form["code"],
                    packageId: form["package"], keepRestAsCredit: form["keepCredit"] == "1"), by: actor(account, context))
                return .seeOther("/clients/\(access.client.id)/billing?saved=\(split.creditKeptCents > 0 ? "payment-credit" : "payment")")
            } catch LedgerService.Failure.refused(let refusal) {
                switch refusal {
                case .certificateNotValid, .certificateUnpaid: typed.codeError = refusal.words
                default: typed.error = refusal.words
                }
                return try await view.page(context, account: account, client: access.client, pay: typed, status: .unprocessableContent)
            } catch StorageError.conflict(let words) {
                typed.error = words
                return try await view.page(context, account: account, client: access.client, pay: typed, status: .conflict)
            }
        }
        router.get("/clients/:id/invoices/:invoice/void") { _, context -> Response in
            let (_, access) = try await staff(context)
            let entry = try await own(context, access)
            return try await confirmVoid(context, access.client, entry, reason: "", problem: entry.isVoid ? LedgerRules.Refusal.alreadyVoid.words : nil)
        }
        router.post("/clients/:id/invoices/:invoice/void") { _, context -> Response in
            let (account, access) = try await staff(context)
            let entry = try await own(context, access)
            do {
                try await services.ledger.void(invoiceId: entry.invoice.id, reason: context.form["reason"], by: actor(account, context))
                let fromPackage = entry.payments.contains { $0.method == .package }
                return .seeOther("/clients/\(access.client.id)/billing?saved=\(fromPackage ? "void-package" : "void")")
            } catch LedgerService.Failure.refused(let refusal) {
                return try await confirmVoid(context, access.client, entry, reason: context.form["reason"],
                                             reasonError: refusal == .reasonMissing ? refusal.words : nil,
                                             problem: refusal == .reasonMissing ? nil : refusal.words, status: .unprocessableContent)
            }
        }
        router.get("/clients/:id/invoices/:invoice/payments/:payment/refund") { _, context -> Response in
            let (_, access) = try await staff(context)
            let (entry, payment) = try await ownPayment(context, access)
            return try await confirmRefund(context, access.client, entry, payment, amount: Money.text(entry.refundable(payment)), toCredit: false, reason: "")
        }
        router.post("/clients/:id/invoices/:invoice/payments/:payment/refund") { _, context -> Response in
            let (account, access) = try await staff(context)
            let (entry, payment) = try await ownPayment(context, access)
            let form = context.form
            guard let cents = Money.cents(form["amount"]), cents > 0 else {
                return try await confirmRefund(context, access.client, entry, payment, amount: form["amount"], toCredit: form["toCredit"] == "1",
                                               reason: form["reason"], amountError: "Enter the amount to give back, such as 20.00.", status: .unprocessableContent)
            }
            do {
                try await services.ledger.refund(paymentId: payment.id, invoiceId: entry.invoice.id, cents: cents, toCredit: form["toCredit"] == "1",
                                                 reason: form["reason"], by: actor(account, context))
                return .seeOther("/clients/\(access.client.id)/billing?saved=refund")
            } catch LedgerService.Failure.refused(let refusal) {
                return try await confirmRefund(context, access.client, entry, payment, amount: form["amount"], toCredit: form["toCredit"] == "1",
                                               reason: form["reason"], amountError: refusal == .reasonMissing ? nil : refusal.words,
                                               reasonError: refusal == .reasonMissing ? refusal.words : nil, status: .unprocessableContent)
            }
        }
        router.post("/clients/:id/invoices/:invoice/receipts") { _, context -> Response in
            let (account, access) = try await staff(context)
            let entry = try await own(context, access)
            do {
                let receipt = try await services.ledger.issueReceipt(invoiceId: entry.invoice.id, by: actor(account, context))
                return .seeOther("/receipts/\(receipt.id)")
            } catch LedgerService.Failure.refused(let refusal) {
                throw PageError.badForm(refusal == .voided ? "This invoice is void, so no receipt can be issued for it." : refusal.words)
            }
        }
        router.post("/clients/:id/packages") { _, context -> Response in
            let (account, access) = try await staff(context)
            let form = context.form
            var typed = BillingView.PackageForm(plan: form["plan"], location: form["location"])
            do {
                try await services.ledger.sellPackage(planId: form["plan"], to: access.client.id, locationId: form["location"], by: actor(account, context))
            } catch LedgerService.Failure.notFound {
                typed.planError = "Choose one of the packages on offer."
                return try await view.page(context, account: account, client: access.client, package: typed, status: .unprocessableContent)
            } catch LedgerService.Failure.invalid(let problems) {
                typed.locationError = problems.first { $0.field == "location" }?.message
                return try await view.page(context, account: account, client: access.client, package: typed, status: .unprocessableContent)
            }
            return .seeOther("/clients/\(access.client.id)/billing?saved=package")
        }
        router.post("/clients/:id/gift-certificates") { _, context -> Response in
            let (account, access) = try await staff(context)
            let form = context.form
            var gift = BillingView.GiftForm(amount: form["amount"], recipient: form["recipient"], location: form["location"])
            do {
                guard let cents = Money.cents(form["amount"]) else { throw LedgerService.Failure.invalid([FieldProblem("amount", "Enter an amount such as 50.00.")]) }
                try await services.ledger.sellGift(cents: cents, recipient: form["recipient"], to: access.client.id, locationId: form["location"],
                                                   by: actor(account, context))
            } catch LedgerService.Failure.invalid(let problems) {
                gift.amountError = problems.first { $0.field == "amount" }?.message
                gift.recipientError = problems.first { $0.field == "recipient" }?.message
                gift.locationError = problems.first { $0.field == "location" }?.message
                if gift.recipientError == nil, form["recipient"].trimmed.isEmpty { gift.recipientError = "Say who the certificate is for." }
                return try await view.page(context, account: account, client: access.client, gift: gift, status: .unprocessableContent)
            }
            return .seeOther("/clients/\(access.client.id)/billing?saved=gift")
        }
    }

    static func savedWords(_ key: String) -> String? {
        switch key {
        case "payment": return "Payment recorded."
        case "payment-credit": return "Payment recorded. What was beyond the invoice is kept as credit on account."
        case "refund": return "Refund recorded."
        case "void": return "Invoice voided. It stays on the list, marked void, with your reason."
        case "void-package": return "Invoice voided. The visit it drew from the package is back on the package, and the invoice stays on the list, marked void."
        case "invoice": return "Invoice issued."
        case "package": return "Package sold. Its invoice is below; take the payment there."
        case "gift": return "Gift certificate sold. Its code is on the invoice below; take the payment there."
        default: return nil
        }
    }

    private func actor(_ account: Account, _ context: AppRequestContext) -> LedgerService.Actor {
        .init(account: account, address: context.address)
    }

    private func staff(_ context: AppRequestContext) async throws -> (Account, ClientAccess) {
        let account = try context.staff()
        return (account, try await services.clientAccess(account, try context.parameters.require("id")))
    }

    private func own(_ context: AppRequestContext, _ access: ClientAccess) async throws -> ClientLedger.Entry {
        guard let entry = try await services.billing.entry(invoiceId: try context.parameters.require("invoice")),
              entry.invoice.clientId == access.client.id else { throw PageError.notFound }
        return entry
    }

    private func ownPayment(_ context: AppRequestContext, _ access: ClientAccess) async throws -> (ClientLedger.Entry, Payment) {
        let entry = try await own(context, access)
        guard let payment = entry.payments.first(where: { $0.id == (try? context.parameters.require("payment")) }) else { throw PageError.notFound }
        return (entry, payment)
    }

    private func confirmVoid(_ context: AppRequestContext, _ client: Client, _ entry: ClientLedger.Entry, reason: String, reasonError: String? = nil,
                             problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = LedgerConfirmPage(
            chrome: context.chrome("Void invoice \(entry.invoice.number)?"), heading: "Void invoice \(entry.invoice.number)?",
            subject: "\(entry.invoice.description), \(Money.text(entry.invoice.totalCents)), for \(client.fullName)",
            points: [.init(text: "Use this for an invoice issued in error. It stays on the client's account, marked void, with your reason and your name."),
                     .init(text: "Nothing is owed on it afterwards, and no receipt can be issued for it."),
                     .init(text: entry.payments.contains { $0.method == .package }
                        ? "The visit it drew from the client's package goes back onto the package."
                        : "Money paid on it must be refunded first.")],
            action: "/clients/\(client.id)/invoices/\(entry.invoice.id)/void", back: "/clients/\(client.id)/billing#invoice-\(entry.invoice.id)",
            askAmount: false, amount: "", amountError: nil, offerCredit: false, toCredit: false, reason: reason, reasonError: reasonError,
            problem: problem, confirm: "Yes, void it")
        return services.views.page("ledger_confirm", page, status: status)
    }

    private func confirmRefund(_ context: AppRequestContext, _ client: Client, _ entry: ClientLedger.Entry, _ payment: Payment, amount: String,
                               toCredit: Bool, reason: String, amountError: String? = nil, reasonError: String? = nil,
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        let destination = switch payment.method {
        case .giftCertificate: "It goes back onto the gift certificate it was paid from."
        case .accountCredit: "It goes back onto the client's credit on account."
        default: "Give it back by \(payment.method.label.lowercased()), as it was paid, or keep it as credit on account."
        }
        let page = LedgerConfirmPage(
            chrome: context.chrome("Refund a payment?"), heading: "Refund a payment?",
            subject: "\(Money.text(payment.amountCents)) by \(payment.method.label.lowercased()) on invoice \(entry.invoice.number), \(entry.invoice.description)",
            points: [.init(text: "Up to \(Money.text(entry.refundable(payment))) of this payment can be given back."), .init(text: destination),
                     .init(text: "A refund lowers what the invoice charges by the same amount, so what is owed does not change; the receipt shows both."),
                     .init(text: "It is added to the account with your reason and your name; the payment itself stays as it was.")],
            action: "/clients/\(client.id)/invoices/\(entry.invoice.id)/payments/\(payment.id)/refund",
            back: "/clients/\(client.id)/billing#invoice-\(entry.invoice.id)", askAmount: true, amount: amount, amountError: amountError,
            offerCredit: payment.method.isTender, toCredit: toCredit, reason: reason, reasonError: reasonError, problem: nil, confirm: "Yes, record the refund")
        return services.views.page("ledger_confirm", page, status: status)
    }
}
