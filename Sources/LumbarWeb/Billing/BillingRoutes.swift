import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Payments and receipts: the front desk (or anyone who may see the client) records what was paid and issues
/// receipts that meet the College's billing standard; re-issues say DUPLICATE. Receipts print on one page and
/// can be emailed; the client sees their own.
struct BillingRoutes {
    let services: AppServices
    var billing: any BillingRepository { services.billing }

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/billing") { _, context -> Response in
            let (account, access) = try await staff(context)
            return try await page(context, account: account, client: access.client, problems: [:])
        }
        router.post("/clients/:id/appointments/:appointment/payments") { _, context -> Response in
            let (account, access) = try await staff(context)
            let appointment = try await own(context, access)
            guard let cents = Money.cents(context.form["amount"]), cents > 0, cents <= 10_000_000, let method = Payment.Method(rawValue: context.form["method"]) else {
                return try await page(context, account: account, client: access.client,
                                      problems: [appointment.id: "Enter an amount such as 120.00 and choose how it was paid."], status: .unprocessableContent)
            }
            let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: access.client.id, infoType: .appointment,
                                   action: .create, address: context.address, detail: "payment recorded")
            try await billing.record(Payment(appointmentId: appointment.id, clientId: access.client.id, amountCents: cents, method: method,
                                             receivedAt: services.now, recordedBy: account.id), audit: audit)
            return .seeOther("/clients/\(access.client.id)/billing")
        }
        router.post("/clients/:id/appointments/:appointment/receipts") { _, context -> Response in
            let (account, access) = try await staff(context)
            let appointment = try await own(context, access)
            guard let service = try await services.scheduling.service(id: appointment.serviceId), Billing.charge(appointment, service: service) != nil else {
                throw PageError.badForm("There is nothing to receipt for this appointment yet.")
            }
            let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: access.client.id, infoType: .record,
                                   action: .print, address: context.address, detail: "receipt issued")
            let receipt = try await billing.issueReceipt(appointmentId: appointment.id, clientId: access.client.id, by: account.id, audit: audit, at: services.now)
            return .seeOther("/receipts/\(receipt.id)")
        }
        router.get("/receipts/:receipt") { _, context -> Response in
            let (account, receipt, client) = try await readable(context)
            try await services.audit(account, context, .view, .record, client: client.id, detail: "receipt \(receipt.number)")
            return try await receiptPage(receipt, client: client, context: context, canEmail: account.role.isStaff && EmailAddress.isPlausible(client.email))
        }
        router.post("/receipts/:receipt/email") { _, context -> Response in
            let (account, receipt, client) = try await readable(context)
            guard account.role.isStaff, EmailAddress.isPlausible(client.email) else { throw PageError.forbidden }
            let text = try await receiptText(receipt, client: client)
            try await services.outbox.enqueue([QueuedMail(to: client.email, subject: "Your receipt \(receipt.number)", body: text)], at: services.now)
            try await services.audit(account, context, .export, .record, client: client.id, detail: "receipt \(receipt.number) emailed")
            return .seeOther("/receipts/\(receipt.id)?emailed=1")
        }
    }

    private func staff(_ context: AppRequestContext) async throws -> (Account, ClientAccess) {
        let account = try context.staff()
        return (account, try await services.clientAccess(account, try context.parameters.require("id")))
    }

    private func own(_ context: AppRequestContext, _ access: ClientAccess) async throws -> Appointment {
        guard let appointment = try await services.appointments.find(id: try context.parameters.require("appointment")),
              appointment.clientId == access.client.id else { throw PageError.notFound }
        return appointment
    }

    /// The receipt, if the signed-in account is its client or staff who may see that client.
    private func readable(_ context: AppRequestContext) async throws -> (Account, Receipt, Client) {
        let account = try context.signedIn()
        guard let receipt = try await billing.receipt(id: try context.parameters.require("receipt")) else { throw PageError.notFound }
        let access = try await services.clientAccess(account, receipt.clientId)
        return (account, receipt, access.client)
    }

    private struct Details {
        let appointment: Appointment
        let service: BookableService
        let charge: Billing.Charge
        let payments: [Payment]
        let therapist: Account?
        let zone: FoundationZone
    }

    private func details(_ receipt: Receipt) async throws -> Details {
        guard let appointment = try await services.appointments.find(id: receipt.appointmentId),
              let service = try await services.scheduling.service(id: appointment.serviceId),
              let charge = Billing.charge(appointment, service: service) else { throw PageError.notFound }
        let location = try await services.scheduling.location(id: appointment.locationId)
        return Details(appointment: appointment, service: service, charge: charge,
                       payments: try await billing.payments(clientId: receipt.clientId).filter { $0.appointmentId == appointment.id && $0.receivedAt <= receipt.issuedAt },
                       therapist: try await services.accounts.find(id: appointment.therapistId),
                       zone: FoundationZone(identifier: location?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!)
    }

    private func receiptPage(_ receipt: Receipt, client: Client, context: AppRequestContext, canEmail: Bool) async throws -> Response {
        let detail = try await details(receipt)
        let profile = try await services.clinic.profile()
        let paid = detail.payments.map(\.amountCents).reduce(0, +)
        let chrome = context.chrome("Receipt \(receipt.number)")
        let page = ReceiptPage(
            chrome: chrome, receiptId: receipt.id, number: receipt.number, duplicate: receipt.isDuplicate, clinicName: profile?.name ?? "",
            clinicAddress: profile?.address ?? "", hstNumber: profile?.hstNumber, clientName: client.fullName,
            visitDate: BookingService.spoken(detail.appointment.start, detail.zone), therapist: detail.therapist?.name ?? "",
            registration: detail.therapist?.collegeRegistration ?? "", service: detail.charge.description, subtotal: Money.text(detail.charge.subtotalCents),
            tax: Money.text(detail.charge.taxCents), total: Money.text(detail.charge.totalCents), paid: Money.text(paid),
            owed: Money.text(Billing.owed(detail.charge, payments: detail.payments)),
            payments: detail.payments.map { "\(Money.text($0.amountCents)) by \($0.method.label.lowercased()) on \(detail.zone.local($0.receivedAt).date.spoken)" },
            issued: detail.zone.local(receipt.issuedAt).date.spoken, canEmail: canEmail)
        return services.views.page("receipt", page)
    }

    /// The receipt as plain text for email, with the same facts as the printed one.
    private func receiptText(_ receipt: Receipt, client: Client) async throws -> String {
        let detail = try await details(receipt)
        let profile = try await services.clinic.profile()
        return """
            \(receipt.isDuplicate ? "DUPLICATE RECEIPT" : "RECEIPT") \(receipt.number)
            \(profile?.name ?? "")
            \(profile?.address ?? "")\(profile?.hstNumber.map { "\nHST number: \($0)" } ?? "")

            Client: \(client.fullName)
            Appointment: \(BookingService.spoken(detail.appointment.start, detail.zone))
            Service: \(detail.charge.description)
            Registered Massage Therapist: \(detail.therapist?.name ?? ""), registration \(detail.therapist?.collegeRegistration ?? "")
            Amount: \(Money.text(detail.charge.subtotalCents)) + HST \(Money.text(detail.charge.taxCents)) = \(Money.text(detail.charge.totalCents))
            Paid: \(Money.text(detail.payments.map(\.amountCents).reduce(0, +)))
            Signed electronically by \(detail.therapist?.name ?? ""), RMT
            """
    }

    private func page(_ context: AppRequestContext, account: Account, client: Client, problems: [String: String],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let window = TimeRange(start: services.now.adding(seconds: -400 * 86_400), end: services.now.adding(seconds: 400 * 86_400))
        let appointments = try await services.appointments.list(window: window, clientId: client.id, activeOnly: false).reversed()
        let servicesById = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let payments = try await billing.payments(clientId: client.id)
        let receipts = try await billing.receipts(clientId: client.id)
        let zone = try await services.clinicTime()
        var totalOwed = 0
        let rows: [BillingPage.Row] = appointments.compactMap { appointment in
            guard let service = servicesById[appointment.serviceId] else { return nil }
            let charge = Billing.charge(appointment, service: service)
            let paidHere = payments.filter { $0.appointmentId == appointment.id }
            let owed = Billing.owed(charge, payments: paidHere)
            totalOwed += owed
            return BillingPage.Row(id: appointment.id, when: zone.local(appointment.start), service: service.name, status: appointment.status.rawValue,
                       charge: charge.map { Money.text($0.totalCents) } ?? "none", paid: Money.text(paidHere.map(\.amountCents).reduce(0, +)),
                       owed: Money.text(owed), owes: owed > 0, chargeable: charge != nil,
                       payments: paidHere.map { .init(text: "\(Money.text($0.amountCents)) \($0.method.label.lowercased()), \(zone.local($0.receivedAt))") },
                       receipts: receipts.filter { $0.appointmentId == appointment.id }.map { .init(id: $0.id, label: "Receipt \($0.number)\($0.isDuplicate ? " (duplicate)" : "")") },
                       amountError: problems[appointment.id])
        }
        try await services.audit(account, context, .view, .appointment, client: client.id, detail: "billing")
        let page = BillingPage(chrome: context.chrome("Billing: \(client.fullName)"),
                        client: client, rows: rows, totalOwed: Money.text(totalOwed), methods: Payment.Method.allCases.map { .init(value: $0.rawValue, label: $0.label) })
        return services.views.page("billing", page, status: status)
    }
}
