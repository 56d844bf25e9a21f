import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// A client's account over the API: the same use case (LedgerService), the same rule (staff who may see the client)
/// and the same audit rows as the desk's billing pages; a refusal names its JSON field with the page's words.
extension APIHandler {
    static let noInvoice = error("No such invoice, or not one whose client you may see.")
    static let noPayment = error("No such payment on this invoice.")

    private func actor(_ caller: APICaller) -> LedgerService.Actor { .init(account: caller.account, address: caller.address) }

    /// The invoice and its client, if the caller may see that client.
    private func ownInvoice(_ caller: APICaller, _ invoiceId: String) async throws -> ClientLedger.Entry? {
        guard let entry = try await services.billing.entry(invoiceId: invoiceId),
              (try? await services.clientAccess(caller.account, entry.invoice.clientId)) != nil else { return nil }
        return entry
    }

    func getClientAccount(_ input: Operations.GetClientAccount.Input) async throws -> Operations.GetClientAccount.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        let ledger = try await services.billing.ledger(clientId: access.client.id)
        try await audit(caller, .view, .appointment, client: access.client.id, detail: "billing (API)")
        let now = services.now
        return .ok(.init(body: .json(.init(
            clientId: access.client.id, owedCents: ledger.owedCents, creditCents: ledger.creditCents, invoices: ledger.entries.map(Self.invoice),
            packages: ledger.packages.map { package in
                .init(id: package.id, name: package.name, serviceId: package.serviceId, visits: package.visits, visitsLeft: package.remaining,
                      expiresAt: Self.date(package.expiresAt), usable: package.isUsable(at: now), invoiceId: package.invoiceId)
            }))))
    }

    func getInvoice(_ input: Operations.GetInvoice.Input) async throws -> Operations.GetInvoice.Output {
        let caller = try caller()
        guard let entry = try await ownInvoice(caller, input.path.invoiceId) else { return .notFound(.init(body: .json(Self.noInvoice))) }
        try await audit(caller, .view, .appointment, client: entry.invoice.clientId, detail: "invoice \(entry.invoice.number) (API)")
        return .ok(.init(body: .json(Self.invoice(entry))))
    }

    func invoiceAppointment(_ input: Operations.InvoiceAppointment.Input) async throws -> Operations.InvoiceAppointment.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        guard let appointment = try await services.appointments.find(id: input.path.appointmentId), appointment.clientId == access.client.id else {
            return .notFound(.init(body: .json(Self.error("No such appointment for this client."))))
        }
        do {
            let standing = try await services.ledger.invoice(appointment, by: actor(caller))
            let entry = if let standing { try await services.billing.entry(invoiceId: standing.invoice.id) ?? standing } else { nil as ClientLedger.Entry? }
            return .ok(.init(body: .json(.init(invoice: entry.map(Self.invoice)))))
        } catch LedgerService.Failure.notFound {
            return .notFound(.init(body: .json(Self.error("The appointment's service is no longer on record."))))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func payInvoice(_ input: Operations.PayInvoice.Input) async throws -> Operations.PayInvoice.Output {
        let caller = try caller()
        guard let entry = try await ownInvoice(caller, input.path.invoiceId) else { return .notFound(.init(body: .json(Self.noInvoice))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let method = Payment.Method(rawValue: body.method.rawValue) ?? .cash
        // A package covers the whole visit, so its amount is not asked for (as on the page).
        let cents = method == .package ? entry.owedCents : body.amountCents
        guard let cents, (1...10_000_000).contains(cents) else {
            return .unprocessableContent(.init(body: .json(Self.unprocessable([FieldProblem("amountCents", "Enter an amount such as 12000 (cents), 1 to 10000000.")]))))
        }
        do {
            let split = try await services.ledger.pay(invoiceId: entry.invoice.id, .init(
                cents: cents, method: method, giftCode: body.giftCode, packageId: body.packageId, keepRestAsCredit: body.keepRestAsCredit ?? false),
                by: actor(caller))
            let after = try await services.billing.entry(invoiceId: entry.invoice.id) ?? entry
            return .created(.init(body: .json(.init(appliedCents: split.appliedCents, creditKeptCents: split.creditKeptCents, invoice: Self.invoice(after)))))
        } catch LedgerService.Failure.refused(let refusal) {
            return .unprocessableContent(.init(body: .json(Self.refusal(refusal))))
        } catch LedgerService.Failure.notFound {
            return .notFound(.init(body: .json(Self.noInvoice)))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func refundPayment(_ input: Operations.RefundPayment.Input) async throws -> Operations.RefundPayment.Output {
        let caller = try caller()
        guard let entry = try await ownInvoice(caller, input.path.invoiceId) else { return .notFound(.init(body: .json(Self.noInvoice))) }
        guard entry.payments.contains(where: { $0.id == input.path.paymentId }) else { return .notFound(.init(body: .json(Self.noPayment))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        guard (1...10_000_000).contains(body.amountCents) else {
            return .unprocessableContent(.init(body: .json(Self.unprocessable([FieldProblem("amountCents", "Enter the amount to give back, such as 2000 (cents).")]))))
        }
        do {
            try await services.ledger.refund(paymentId: input.path.paymentId, invoiceId: entry.invoice.id, cents: body.amountCents,
                                             toCredit: body.toCredit ?? false, reason: body.reason, by: actor(caller))
            return .created(.init(body: .json(Self.invoice(try await services.billing.entry(invoiceId: entry.invoice.id) ?? entry))))
        } catch LedgerService.Failure.refused(let refusal) {
            return .unprocessableContent(.init(body: .json(Self.refusal(refusal))))
        } catch LedgerService.Failure.notFound {
            return .notFound(.init(body: .json(Self.noPayment)))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func voidInvoice(_ input: Operations.VoidInvoice.Input) async throws -> Operations.VoidInvoice.Output {
        let caller = try caller()
        guard let entry = try await ownInvoice(caller, input.path.invoiceId) else { return .notFound(.init(body: .json(Self.noInvoice))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        do {
            try await services.ledger.void(invoiceId: entry.invoice.id, reason: body.reason, by: actor(caller))
            return .ok(.init(body: .json(Self.invoice(try await services.billing.entry(invoiceId: entry.invoice.id) ?? entry))))
        } catch LedgerService.Failure.refused(let refusal) {
            return .unprocessableContent(.init(body: .json(Self.refusal(refusal))))
        } catch LedgerService.Failure.notFound {
            return .notFound(.init(body: .json(Self.noInvoice)))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func issueReceipt(_ input: Operations.IssueReceipt.Input) async throws -> Operations.IssueReceipt.Output {
        let caller = try caller()
        guard let entry = try await ownInvoice(caller, input.path.invoiceId) else { return .notFound(.init(body: .json(Self.noInvoice))) }
        do {
            return .created(.init(body: .json(Self.receipt(try await services.ledger.issueReceipt(invoiceId: entry.invoice.id, by: actor(caller))))))
        } catch LedgerService.Failure.refused(let refusal) {
            return .unprocessableContent(.init(body: .json(Self.refusal(refusal))))
        } catch LedgerService.Failure.notFound {
            return .notFound(.init(body: .json(Self.noInvoice)))
        }
    }

    /// The JSON field a refusal is about, with the page's words.
    static func refusal(_ refusal: LedgerRules.Refusal) -> Components.Schemas.ErrorBody {
        let field = switch refusal {
        case .notPositive, .nothingOwed, .moreThanOwed, .notEnoughCredit, .notEnoughOnCertificate, .refundTooLarge: "amountCents"
        case .certificateNotValid, .certificateUnpaid: "giftCode"
        case .packageNotUsable, .packageUnpaid: "packageId"
        case .reasonMissing: "reason"
        case .voided, .alreadyVoid, .voidWhilePaid: "invoiceId"
        }
        return error(refusal.words, field: field)
    }

    static func invoice(_ entry: ClientLedger.Entry) -> Components.Schemas.Invoice {
        let invoice = entry.invoice
        return .init(
            id: invoice.id, number: invoice.number, clientId: invoice.clientId, kind: .init(rawValue: invoice.kind.rawValue)!,
            appointmentId: invoice.appointmentId, issuedAt: date(invoice.issuedAt),
            lines: invoice.lines.map { .init(description: $0.description, subtotalCents: $0.subtotalCents, taxCents: $0.taxCents, totalCents: $0.totalCents) },
            subtotalCents: invoice.subtotalCents, taxCents: invoice.taxCents, totalCents: invoice.totalCents, paidCents: entry.paidCents,
            refundedCents: entry.refundedCents, owedCents: entry.owedCents, void: entry.void.map { .init(reason: $0.reason, at: date($0.at)) },
            payments: entry.payments.map { .init(id: $0.id, amountCents: $0.amountCents, method: .init(rawValue: $0.method.rawValue)!,
                                                 receivedAt: date($0.receivedAt), refundableCents: entry.refundable($0)) },
            refunds: entry.refunds.map { .init(id: $0.id, paymentId: $0.paymentId, amountCents: $0.amountCents, method: .init(rawValue: $0.method.rawValue)!,
                                               reason: $0.reason, at: date($0.at)) },
            receipts: entry.receipts.map(receipt))
    }

    static func receipt(_ receipt: Receipt) -> Components.Schemas.ReceiptRef {
        .init(id: receipt.id, number: receipt.number, duplicate: receipt.isDuplicate, issuedAt: date(receipt.issuedAt))
    }
}
