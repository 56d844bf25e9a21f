import Hummingbird
import LumbarClinic
import LumbarCore

/// Services: listed with their price as clients pay it (tax included), added, edited and retired.
extension SchedulingAdminRoutes {
    static let serviceFields = [
        FieldView("serviceName", "Service name", limit: .name), FieldView("minutes", "Length (minutes)", type: "number"),
        FieldView("bufferMinutes", "Turnover after (minutes)", type: "number", help: "For changing the table and charting."),
        FieldView("price", "Price before tax", help: "In dollars, e.g. 120.00.", limit: .code),
        FieldView("taxPercent", "Tax (%)", help: "13 for HST in Ontario; 0 if none.", limit: .code),
        FieldView.select("audience", "Who may book it", [("any", "Everyone"), ("new", "New clients (initial assessment)"), ("returning", "Returning clients")]),
    ]

    static let audienceWords: [BookableService.Audience: String] = [.any: "for everyone", .new: "for new clients", .returning: "for returning clients"]

    func registerServices(on router: Router<AppRequestContext>) {
        router.get("/scheduling/services") { request, context -> Response in
            _ = try context.owner()
            let form = FormData(encoded: "minutes=60&bufferMinutes=15&taxPercent=13&audience=any")
            return try await servicesPage(notice(context, request, title: "Services"), form: form, online: true, problems: [])
        }
        router.post("/scheduling/services") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let (service, problems) = try await checked(Self.service(from: form, id: ""))
            guard problems.isEmpty else {
                return try await servicesPage(context.chrome("Services"), form: form, online: form.checkbox("online"), problems: problems, status: .unprocessableContent)
            }
            let added = try await services.scheduling.addService(service)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "service \(added.id) added")
            return .seeOther("/scheduling/services?saved=service")
        }
        router.get("/scheduling/services/:id") { _, context -> Response in
            _ = try context.owner()
            let service = try await existingService(context)
            let form = FormData(["serviceName": service.name, "minutes": "\(service.minutes)", "bufferMinutes": "\(service.bufferMinutes)",
                                 "price": String(Money.text(service.priceCents).dropFirst()), "taxPercent": Self.percent(service.taxBasisPoints),
                                 "audience": service.audience.rawValue])
            return serviceEditPage(context, service, form: form, online: service.bookableOnline, problems: [])
        }
        router.post("/scheduling/services/:id") { _, context -> Response in
            let owner = try context.owner()
            let existing = try await existingService(context)
            let (service, problems) = try await checked(Self.service(from: context.form, id: existing.id))
            guard problems.isEmpty else {
                return serviceEditPage(context, existing, form: context.form, online: context.form.checkbox("online"), problems: problems, status: .unprocessableContent)
            }
            guard try await services.scheduling.updateService(service) else { throw PageError.notFound }
            try await services.audit(owner, context, .change, .account, client: nil, detail: "service \(existing.id) changed")
            return .seeOther("/scheduling/services?saved=service-changed")
        }
        RetireRoutes(services: services, list: "/scheduling/services", noun: "service", savedPrefix: "service-",
                     consequences: { retire in
                         retire ? ["Clients and staff can no longer book it.", "Appointments already booked for it stay as they are.",
                                   "Past appointments and receipts still show it. You can restore it later."]
                             : ["It is offered for booking again."]
                     },
                     find: { [services] id in try await services.scheduling.service(id: id).map { .init(id: $0.id, name: $0.name, what: $0.name) } },
                     stillBooked: nil,
                     setRetired: { [services] id, retire, now in try await services.scheduling.setServiceRetired(id: id, retire, at: now) })
            .register(on: router)
    }

    /// The form's service and problems, with a name another offered service already has among them.
    private func checked(_ read: (BookableService, [FieldProblem])) async throws -> (BookableService, [FieldProblem]) {
        let clash = read.0.nameClash(among: try await services.scheduling.services()).map { FieldProblem("serviceName", $0.message) }
        return (read.0, read.1 + (clash.map { [$0] } ?? []))
    }

    /// The service a form describes, with the problems beside its fields.
    static func service(from form: FormData, id: String) -> (BookableService, [FieldProblem]) {
        let service = BookableService(
            id: id, name: form["serviceName"].trimmed, minutes: Int(form["minutes"].trimmed) ?? -1, bufferMinutes: Int(form["bufferMinutes"].trimmed) ?? -1,
            priceCents: Money.cents(form["price"]) ?? -1, taxBasisPoints: Money.basisPoints(form["taxPercent"]) ?? -1,
            bookableOnline: form.checkbox("online"), audience: BookableService.Audience(rawValue: form["audience"]) ?? .any)
        var problems = service.problems().map { $0.field == "name" ? FieldProblem("serviceName", $0.message) : $0 }
        if BookableService.Audience(rawValue: form["audience"]) == nil { problems.append(FieldProblem("audience", "Choose who may book it.")) }
        return (service, problems)
    }

    /// 1300 basis points as "13", 1250 as "12.5".
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, part = basisPoints % 100
        return part == 0 ? "\(whole)" : part % 10 == 0 ? "\(whole).\(part / 10)" : "\(whole).\(part < 10 ? "0" : "")\(part)"
    }

    private func existingService(_ context: AppRequestContext) async throws -> BookableService {
        guard let service = try await services.scheduling.service(id: try context.parameters.require("id")) else { throw PageError.notFound }
        return service
    }

    private func servicesPage(_ chrome: Chrome, form: FormData, online: Bool, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        var chrome = chrome
        chrome.title = "Services"
        let rows = try await services.scheduling.allServices().map { service in
            let tax = Billing.tax(service.priceCents, basisPoints: service.taxBasisPoints)
            return ServicesPage.Row(id: service.id, name: service.name, length: "\(service.minutes) min + \(service.bufferMinutes) min turnover",
                                    price: Money.text(service.priceCents), priceWithTax: Money.text(service.priceCents + tax),
                                    tax: "\(Money.text(tax)) tax at \(Self.percent(service.taxBasisPoints))%", online: service.bookableOnline,
                                    audience: Self.audienceWords[service.audience] ?? "", retired: service.retired)
        }
        return services.views.page("scheduling_services", ServicesPage(chrome: chrome, nav: SetupNav(current: "/scheduling/services"), services: rows,
                                                                       fields: Self.serviceFields.filled(from: form, problems: problems), online: online), status: status)
    }

    private func serviceEditPage(_ context: AppRequestContext, _ service: BookableService, form: FormData, online: Bool, problems: [FieldProblem],
                                 status: HTTPResponse.Status = .ok) -> Response {
        let page = EditPage(chrome: context.chrome("Edit \(service.name)"), heading: "Edit \(service.name)",
                            intro: "Appointments already booked keep their length; new bookings use what you save here.",
                            action: "/scheduling/services/\(service.id)", fields: Self.serviceFields.filled(from: form, problems: problems),
                            checkboxes: [.init(name: "online", label: "Clients may book it online", checked: online)], button: "Save service",
                            back: "/scheduling/services", retireHref: "/scheduling/services/\(service.id)/\(service.retired ? "restore" : "retire")",
                            retireLabel: service.retired ? "Restore this service" : "Retire this service")
        return services.views.page("setup_edit", page, status: status)
    }
}
