import LumbarClinic
import LumbarCore
import LumbarStorage

/// Packages and gift certificates over the API, as the pages have them: the owner offers packages, staff who may
/// see a client sell to them, and any staff member looks up a certificate's balance.
extension APIHandler {
    static let noGift = error("No certificate has that code. Check it against the certificate, e.g. GIFT-7KQ2-M9XD.")

    func listPackagePlans(_ input: Operations.ListPackagePlans.Input) async throws -> Operations.ListPackagePlans.Output {
        _ = try caller()
        return .ok(.init(body: .json(.init(plans: try await services.billing.packagePlans().map(Self.plan)))))
    }

    func createPackagePlan(_ input: Operations.CreatePackagePlan.Input) async throws -> Operations.CreatePackagePlan.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.error("Only the owner may offer packages.")))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let service = try await services.scheduling.allServices().first { $0.id == body.serviceId && !$0.retired }
        var problems: [FieldProblem] = []
        let name = body.name.trimmed
        if name.isEmpty || name.count > 80 { problems.append(FieldProblem("name", "Name the package, e.g. “Five 60-minute massages”.")) }
        if service == nil { problems.append(FieldProblem("serviceId", "Choose the service the package covers.")) }
        if !(1...50).contains(body.visits) { problems.append(FieldProblem("visits", "Enter a number of visits from 1 to 50.")) }
        if !(0...5_000_000).contains(body.priceCents) { problems.append(FieldProblem("priceCents", "Enter the price before tax in cents, such as 50000.")) }
        if !(1...1_095).contains(body.validDays) { problems.append(FieldProblem("validDays", "Enter a number of days from 1 to 1095 (three years).")) }
        guard problems.isEmpty, let service else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        let plan = PackagePlan(id: RandomUUID.make(), name: name, serviceId: service.id, visits: body.visits, priceCents: body.priceCents,
                               taxBasisPoints: service.taxBasisPoints, validDays: body.validDays)
        try await services.billing.save(plan)
        try await audit(owner, .change, .account, client: nil, detail: "package offered (API)")
        return .created(.init(body: .json(Self.plan(plan))))
    }

    func sellPackage(_ input: Operations.SellPackage.Input) async throws -> Operations.SellPackage.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else { return .notFound(.init(body: .json(Self.notFound))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        do {
            let sold = try await services.ledger.sellPackage(planId: body.planId, to: access.client.id, locationId: try await saleLocation(body.locationId, access.client.id),
                                                             by: .init(account: caller.account, address: caller.address))
            return .created(.init(body: .json(Self.invoice(try await services.billing.entry(invoiceId: sold.invoice.id) ?? sold))))
        } catch LedgerService.Failure.notFound {
            return .unprocessableContent(.init(body: .json(Self.error("Choose one of the packages on offer.", field: "planId"))))
        } catch LedgerService.Failure.invalid(let problems) {
            return .unprocessableContent(.init(body: .json(Self.unprocessable(problems.map(Self.apiField)))))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func sellGiftCertificate(_ input: Operations.SellGiftCertificate.Input) async throws -> Operations.SellGiftCertificate.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else { return .notFound(.init(body: .json(Self.notFound))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        do {
            let gift = try await services.ledger.sellGift(cents: body.amountCents, recipient: body.recipient, to: access.client.id,
                                                          locationId: try await saleLocation(body.locationId, access.client.id),
                                                          by: .init(account: caller.account, address: caller.address))
            return .created(.init(body: .json(Self.gift(gift))))
        } catch LedgerService.Failure.invalid(let problems) {
            return .unprocessableContent(.init(body: .json(Self.unprocessable(problems.map(Self.apiField)))))
        } catch StorageError.conflict(let words) {
            return .conflict(.init(body: .json(Self.error(words))))
        }
    }

    func getGiftCertificate(_ input: Operations.GetGiftCertificate.Input) async throws -> Operations.GetGiftCertificate.Output {
        let caller = try caller()
        let gift = try await services.billing.giftCertificate(code: input.path.code)
        try await audit(caller, .view, .account, client: nil, detail: GiftCode.lookupDetail(input.path.code, found: gift != nil) + " (API)")
        guard let gift else { return .notFound(.init(body: .json(Self.noGift))) }
        return .ok(.init(body: .json(Self.gift(gift))))
    }

    /// The location a sale names, or where the client is usually seen when it names none.
    private func saleLocation(_ named: String?, _ clientId: String) async throws -> String? {
        if let named { return named }
        return try await services.usualLocation(clientId: clientId)
    }

    /// The ledger's field names as the API spells them.
    static func apiField(_ problem: FieldProblem) -> FieldProblem {
        switch problem.field {
        case "amount": FieldProblem("amountCents", problem.message)
        case "location": FieldProblem("locationId", problem.message)
        default: problem
        }
    }

    static func plan(_ plan: PackagePlan) -> Components.Schemas.PackagePlan {
        .init(id: plan.id, name: plan.name, serviceId: plan.serviceId, visits: plan.visits, priceCents: plan.priceCents,
              taxCents: Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints), validDays: plan.validDays, retired: plan.retired)
    }

    static func gift(_ gift: GiftCertificate) -> Components.Schemas.GiftCertificate {
        .init(code: gift.code, amountCents: gift.amountCents, balanceCents: gift.balanceCents, recipient: gift.recipient, invoiceId: gift.invoiceId,
              soldAt: date(gift.soldAt), valid: gift.valid)
    }
}
