import Hummingbird
import LumbarClinic
import LumbarCore

/// What clients pay for ahead: the packages the owner offers (added, stopped and sold again; never edited, as
/// clients hold them) and a gift certificate's balance, looked up by its code at the desk.
struct PrepaidRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/packages") { request, context -> Response in
            _ = try context.owner()
            return try await plansPage(context, form: FormData(), problems: [], saved: FormData(encoded: request.uri.query ?? "")["saved"])
        }
        router.post("/packages") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let service = try await services.scheduling.allServices().first { $0.id == form["service"] && !$0.retired }
            var problems: [FieldProblem] = []
            let name = form["name"].trimmed
            if name.isEmpty || name.count > 80 { problems.append(FieldProblem("name", "Name the package, e.g. “Five 60-minute massages”.")) }
            if service == nil { problems.append(FieldProblem("service", "Choose the service the package covers.")) }
            let visits = Int(form["visits"].trimmed), days = Int(form["days"].trimmed), price = Money.cents(form["price"])
            if visits == nil || !(1...50).contains(visits!) { problems.append(FieldProblem("visits", "Enter a number of visits from 1 to 50.")) }
            if price == nil || price! > 5_000_000 { problems.append(FieldProblem("price", "Enter the price before tax, such as 500.00.")) }
            if days == nil || !(1...1_095).contains(days!) { problems.append(FieldProblem("days", "Enter a number of days from 1 to 1095 (three years).")) }
            guard problems.isEmpty, let service, let visits, let days, let price else {
                return try await plansPage(context, form: form, problems: problems, status: .unprocessableContent)
            }
            try await services.billing.save(PackagePlan(id: RandomUUID.make(), name: name, serviceId: service.id, visits: visits, priceCents: price,
                                                        taxBasisPoints: service.taxBasisPoints, validDays: days))
            try await services.audit(owner, context, .change, .account, client: nil, detail: "package offered")
            return .seeOther("/packages?saved=1")
        }
        for (action, retired) in [("retire", true), ("restore", false)] {
            router.post("/packages/:plan/\(action)") { _, context -> Response in
                let owner = try context.owner()
                guard var plan = try await services.billing.packagePlans().first(where: { $0.id == (try? context.parameters.require("plan")) }) else {
                    throw PageError.notFound
                }
                plan.retired = retired
                try await services.billing.save(plan)
                try await services.audit(owner, context, .change, .account, client: nil, detail: retired ? "package no longer sold" : "package sold again")
                return .seeOther("/packages?saved=\(action)")
            }
        }
        router.get("/gift-certificates") { request, context -> Response in
            let account = try context.staff()
            let typed = FormData(encoded: request.uri.query ?? "")["code"]
            guard !typed.trimmed.isEmpty else { return giftPage(context, code: "", gift: nil, searched: false) }
            let gift = try await services.billing.giftCertificate(code: typed)
            try await services.audit(account, context, .view, .account, client: nil, detail: GiftCode.lookupDetail(typed, found: gift != nil))
            return giftPage(context, code: typed, gift: gift, searched: true)
        }
    }

    private func giftPage(_ context: AppRequestContext, code: String, gift: GiftCertificate?, searched: Bool) -> Response {
        let page = GiftLookupPage(
            chrome: context.chrome("Gift certificate balance"), code: code, searched: searched, found: gift != nil, heading: gift?.code ?? "",
            balance: gift.map { $0.valid ? Money.text($0.balanceCents) : "Void" } ?? "",
            detail: gift.map { "For \($0.recipient). \(Money.text($0.amountCents)) when sold; \(Money.text(min($0.usedCents, $0.amountCents))) used so far." } ?? "",
            codeError: searched && gift == nil ? "No certificate has that code. Check it against the certificate, e.g. GIFT-7KQ2-M9XD." : nil)
        return services.views.page("gift_lookup", page, status: searched && gift == nil ? .notFound : .ok)
    }

    private func plansPage(_ context: AppRequestContext, form: FormData, problems: [FieldProblem], saved: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let all = try await services.scheduling.allServices()
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let plans = try await services.billing.packagePlans()
        func problem(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        var chrome = context.chrome("Packages")
        if let saved, !saved.isEmpty {
            chrome.notice = saved == "retire" ? "That package is no longer sold. Clients who hold it keep it." : saved == "restore" ? "That package is on sale again." : "Package added."
        }
        let page = PackagePlansPage(
            chrome: chrome, nav: SetupNav(current: "/packages"),
            plans: plans.map { plan in
                let total = plan.priceCents + Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints)
                return .init(id: plan.id, name: plan.name,
                             detail: "\(plan.visits) × \(names[plan.serviceId] ?? "a service"), \(Money.text(plan.priceCents)) + tax = \(Money.text(total)), used within \(plan.validDays) days",
                             retired: plan.retired)
            },
            hasPlans: !plans.isEmpty,
            services: all.filter { !$0.retired }.map { .init(value: $0.id, label: $0.name, selected: $0.id == form["service"]) },
            name: form["name"], visits: form["visits"], price: form["price"], days: form["days"].isEmpty && problems.isEmpty ? "365" : form["days"],
            nameError: problem("name"), serviceError: problem("service"), visitsError: problem("visits"), priceError: problem("price"), daysError: problem("days"))
        return services.views.page("package_plans", page, status: status)
    }
}
