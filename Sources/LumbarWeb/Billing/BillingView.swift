import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Draws a client's account (`billing.mustache`) from the ledger, with a refused form shown as it was typed.
struct BillingView {
    let services: AppServices

    /// A payment form as sent, when it was refused.
    struct PayForm {
        var invoiceId: String
        var amount: String
        var method: String
        var code: String
        var packageId: String
        var keepCredit: Bool
        var error: String?
        /// Set instead of `error` when the problem is the certificate code.
        var codeError: String?
    }

    struct GiftForm {
        var amount: String
        var recipient: String
        var location: String
        var amountError: String?
        var recipientError: String?
        var locationError: String?
    }

    /// A package sale as sent, when it was refused.
    struct PackageForm {
        var plan: String
        var location: String
        var planError: String?
        var locationError: String?
    }

    func page(_ context: AppRequestContext, account: Account, client: Client, notice: String? = nil, pay: PayForm? = nil, gift: GiftForm? = nil,
              package: PackageForm? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let ledger = try await services.billing.ledger(clientId: client.id)
        let zone = try await services.clinicTime().rules
        let now = services.now
        let therapists = Dictionary(try await services.accounts.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let servicesById = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let appointments = try await services.appointments.list(
            window: TimeRange(start: now.adding(seconds: -400 * 86_400), end: now.adding(seconds: 400 * 86_400)), clientId: client.id, activeOnly: false)
        let appointmentsById = Dictionary(appointments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let gifts = try await services.billing.giftCertificates(soldTo: client.id)
        var giftCodes = Dictionary(gifts.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        // Certificates someone else bought, redeemed on this client's invoices.
        for id in Set(ledger.entries.flatMap(\.payments).compactMap(\.giftCertificateId)) where giftCodes[id] == nil {
            giftCodes[id] = try await services.billing.giftCertificate(id: id)?.code
        }
        let packageNames = Dictionary(ledger.packages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

        let rows: [BillingPage.InvoiceRow] = ledger.entries.reversed().map { entry in
            let invoice = entry.invoice
            let typed = pay?.invoiceId == invoice.id ? pay : nil
            let visit = invoice.appointmentId.flatMap { appointmentsById[$0] }
            let who = invoice.therapistId.flatMap { therapists[$0] }
            var detail = visit.map { "Visit \(BookingService.spoken($0.start, zone))" } ?? "Issued \(zone.local(invoice.issuedAt).date.spoken)"
            if let who { detail += " with \(who)" }
            // A package not yet paid for is not offered: the ledger would refuse it.
            let usable = ledger.packages.filter {
                $0.isUsable(at: now) && $0.serviceId == invoice.serviceId && invoice.kind == .visit && (ledger.entry($0.invoiceId)?.owedCents ?? 0) == 0
            }
            var methods = Payment.Method.tenders + [.giftCertificate]
            if ledger.creditCents > 0 { methods.append(.accountCredit) }
            if !usable.isEmpty { methods.append(.package) }
            let chosen = typed?.method ?? Payment.Method.debit.rawValue
            let state: (String, String) = entry.isVoid ? ("Void", "status") : entry.owedCents > 0 ? ("Owes \(Money.text(entry.owedCents))", "todo") : ("Paid", "ok")
            let kept = ledger.credit.filter { $0.amountCents > 0 && $0.paymentId != nil }
            let payments: [BillingPage.PaymentRow] = entry.payments.map { payment in
                var text = "\(Money.text(payment.amountCents)) \(Self.how(payment, giftCodes: giftCodes, packages: packageNames)), \(SpokenTime.short(zone.local(payment.receivedAt)))"
                if let extra = kept.first(where: { $0.paymentId == payment.id }) { text += ", and \(Money.text(extra.amountCents)) more kept as credit" }
                let refundable = payment.method != .package && entry.refundable(payment) > 0
                return .init(text: text, refundURL: refundable ? "/clients/\(client.id)/invoices/\(invoice.id)/payments/\(payment.id)/refund" : nil)
            }
            let refunds: [BillingPage.Line] = entry.refunds.map {
                .init(text: "Refunded \(Money.text($0.amountCents)) \(Self.destination($0.method)), \(SpokenTime.short(zone.local($0.at))): \($0.reason)")
            }
            return BillingPage.InvoiceRow(
                id: invoice.id, number: invoice.number, title: invoice.description, detail: detail, total: Money.text(invoice.totalCents),
                state: state.0, stateClass: state.1, owes: entry.owedCents > 0, isVoid: entry.isVoid,
                voidText: entry.void.map { "Voided \(SpokenTime.short(zone.local($0.at))) by \(therapists[$0.by] ?? "staff"): \($0.reason)" },
                payments: payments, hasMoney: !payments.isEmpty, refunds: refunds,
                receipts: entry.receipts.map { .init(id: $0.id, label: "Receipt \($0.number)\($0.isDuplicate ? " (duplicate)" : "")") },
                hasReceipts: !entry.receipts.isEmpty, canPay: !entry.isVoid && entry.owedCents > 0, canReceipt: !entry.isVoid,
                // Offered only where it can work: money paid on an invoice is refunded before it is voided.
                voidURL: LedgerRules.void(entry, reason: "offered") == nil ? "/clients/\(client.id)/invoices/\(invoice.id)/void" : nil,
                amount: typed?.amount ?? Money.text(entry.owedCents),
                methods: methods.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen) },
                code: typed?.code ?? "",
                packages: usable.map { .init(value: $0.id, label: "\($0.name): \($0.remaining) of \($0.visits) left", selected: $0.id == typed?.packageId) },
                hasPackages: !usable.isEmpty, keepCredit: typed?.keepCredit ?? false, payError: typed?.error, codeError: typed?.codeError)
        }
        let uninvoiced: [BillingPage.ChargeRow] = appointments.reversed().compactMap { appointment in
            guard !ledger.entries.contains(where: { $0.invoice.appointmentId == appointment.id }),
                  let service = servicesById[appointment.serviceId], let charge = Billing.charge(appointment, service: service) else { return nil }
            return .init(appointmentId: appointment.id, text: "\(charge.description), \(BookingService.spoken(appointment.start, zone))",
                         amount: Money.text(charge.totalCents))
        }
        let plans = try await services.billing.packagePlans().filter { !$0.retired }
        // A sale is counted where the client is usually seen, unless the desk chose otherwise.
        let locations = try await services.scheduling.locations()
        // Only asked for when there is a choice to make: it reads the client's appointments.
        let usual = locations.count > 1 ? try await services.usualLocation(clientId: client.id) ?? "" : ""
        func choice(_ id: String, typed: String?, error: String?) -> BillingPage.LocationChoice? {
            guard locations.count > 1 else { return nil }
            let chosen = typed ?? usual
            return .init(id: id, options: locations.map { .init(value: $0.id, label: $0.name, selected: $0.id == chosen) }, error: error)
        }
        try await services.audit(account, context, .view, .appointment, client: client.id, detail: "billing")
        var chrome = context.chrome("Billing: \(client.fullName)")
        chrome.notice = notice
        let page = BillingPage(
            chrome: chrome, client: client, owed: Money.text(ledger.owedCents), owes: ledger.owedCents > 0, credit: Money.text(ledger.creditCents),
            hasCredit: ledger.creditCents > 0, invoices: rows, hasInvoices: !rows.isEmpty, uninvoiced: uninvoiced, hasUninvoiced: !uninvoiced.isEmpty,
            packages: ledger.packages.map { package in
                .init(name: package.name,
                      left: (ledger.entry(package.invoiceId)?.owedCents ?? 0) > 0 ? "not paid yet" : "\(package.remaining) of \(package.visits) visits left",
                      until: now < package.expiresAt ? "until \(zone.local(package.expiresAt).date.spoken)" : "expired \(zone.local(package.expiresAt).date.spoken)",
                      usable: package.isUsable(at: now))
            },
            gifts: gifts.map { gift in
                let unpaid = (ledger.entry(gift.invoiceId)?.owedCents ?? 0) > 0
                let balance = !gift.valid ? "void" : unpaid ? "not paid for yet, so it cannot be used"
                    : "\(Money.text(gift.balanceCents)) left of \(Money.text(gift.amountCents))"
                return .init(code: gift.code, recipient: gift.recipient, balance: balance)
            },
            hasGifts: !gifts.isEmpty,
            plans: plans.map { plan in
                let total = plan.priceCents + Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints)
                return .init(value: plan.id, label: "\(plan.name): \(plan.visits) visits, \(Money.text(total)), \(plan.validDays) days",
                             selected: plan.id == package?.plan)
            },
            hasPlans: !plans.isEmpty, giftAmount: gift?.amount ?? "", giftRecipient: gift?.recipient ?? "", giftAmountError: gift?.amountError,
            giftRecipientError: gift?.recipientError, packageError: package?.planError,
            packageLocation: choice("package-location", typed: package?.location, error: package?.locationError),
            giftLocation: choice("gift-location", typed: gift?.location, error: gift?.locationError),
            topError: pay.flatMap { typed in (typed.error ?? typed.codeError).map { "Payment not recorded: \($0)" } }, topErrorLink: "#invoice-\(pay?.invoiceId ?? "")")
        return services.views.page("billing", page, status: status)
    }

    /// "by debit", "from gift certificate GIFT-…", "from credit on account", "covered by package 5 massages".
    static func how(_ payment: Payment, giftCodes: [String: String], packages: [String: String]) -> String {
        switch payment.method {
        case .giftCertificate: return "from gift certificate \(payment.giftCertificateId.flatMap { giftCodes[$0] } ?? "")".trimmed
        case .accountCredit: return "from credit on account"
        case .package: return "covered by the package \(payment.packageId.flatMap { packages[$0] } ?? "")".trimmed
        default: return "by \(payment.method.label.lowercased())"
        }
    }

    static func destination(_ method: Payment.Method) -> String {
        switch method {
        case .giftCertificate: return "to the gift certificate"
        case .accountCredit: return "as credit on account"
        default: return "by \(method.label.lowercased())"
        }
    }
}
