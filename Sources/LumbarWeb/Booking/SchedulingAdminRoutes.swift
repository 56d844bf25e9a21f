import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// The owner's booking set-up, in sub-pages: the overview, locations and rooms, services, therapists' hours, time
/// off and the booking rules (each in its own file, `SchedulingAdminRoutes+*.swift`).
struct SchedulingAdminRoutes {
    let services: AppServices

    /// What a page says after each kind of save, by the `saved` key of the redirect.
    static let saved = [
        "time-off": "Time off saved. Those days are no longer offered for booking.",
        "time-off-changed": "Time off changed.",
        "time-off-removed": "Time off removed. Those days can be booked again.",
        "location": "Location added.", "location-changed": "Location saved.",
        "location-rooms-retired": "Location saved. The rooms whose names you cleared are retired: nothing new is booked in them, and past appointments still show them.",
        "location-retired": "Location retired. It is no longer offered for booking; past appointments still show it.",
        "location-restored": "Location restored. It is offered for booking again.",
        "service": "Service added.", "service-changed": "Service saved.",
        "service-retired": "Service retired. It is no longer offered for booking; past appointments and receipts still show it.",
        "service-restored": "Service restored. It is offered for booking again.",
        "rules": "Booking rules saved.",
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/scheduling") { request, context -> Response in
            _ = try context.owner()
            let checklist = try await SetupChecklistView(services: services).panel()
            let locations = try await services.scheduling.locations(), offered = try await services.scheduling.services()
            let therapists = try await services.accounts.therapists()
            var withHours = 0
            for location in locations {
                withHours += try await services.scheduling.hours(locationId: location.id, window: TimeRange(start: services.now, end: services.now))
                    .values.filter { $0.days.contains { !$0.isEmpty } }.count
            }
            func count(_ n: Int, _ one: String, _ many: String) -> String { n == 0 ? "No \(many) yet" : n == 1 ? "1 \(one)" : "\(n) \(many)" }
            let page = SchedulingPage(chrome: notice(context, request), nav: SetupNav(current: "/scheduling"), checklist: checklist, counts: [
                .init(label: count(locations.count, "location", "locations"), href: "/scheduling/locations", link: "Locations and rooms"),
                .init(label: count(offered.count, "service", "services"), href: "/scheduling/services", link: "Services and prices"),
                .init(label: count(therapists.count, "therapist", "therapists"), href: "/staff", link: "Staff"),
                .init(label: count(withHours, "therapist with hours", "therapists with hours"), href: "/scheduling/hours", link: "Hours"),
            ])
            return services.views.page("scheduling", page)
        }
        router.get("/scheduling/rules") { request, context -> Response in
            _ = try context.owner()
            let rules = try await services.scheduling.rules()
            let form = FormData(encoded: "minimumNoticeMinutes=\(rules.minimumNoticeMinutes)&maximumAdvanceDays=\(rules.maximumAdvanceDays)"
                + "&slotStepMinutes=\(rules.slotStepMinutes)&cancellationWindowHours=\(rules.cancellationWindowHours)"
                + "&lateFee=\(Money.text(rules.lateCancellationFeeCents).dropFirst())")
            return rulesPage(notice(context, request), form: form, problems: [])
        }
        router.post("/scheduling/rules") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            var problems: [FieldProblem] = []
            func number(_ name: String, _ range: ClosedRange<Int>, _ message: String) -> Int {
                guard let value = Int(form[name].trimmed), range.contains(value) else { problems.append(FieldProblem(name, message)); return 0 }
                return value
            }
            let rules = BookingRules(
                minimumNoticeMinutes: number("minimumNoticeMinutes", 0...10_080, "Enter 0 to 10080 minutes."),
                maximumAdvanceDays: number("maximumAdvanceDays", 1...365, "Enter 1 to 365 days."),
                slotStepMinutes: number("slotStepMinutes", 5...120, "Enter 5 to 120 minutes."),
                cancellationWindowHours: number("cancellationWindowHours", 0...168, "Enter 0 to 168 hours."),
                lateCancellationFeeCents: Money.cents(form["lateFee"]) ?? { problems.append(FieldProblem("lateFee", "Enter an amount such as 40.00.")); return 0 }())
            guard problems.isEmpty else { return rulesPage(context.chrome("Booking rules"), form: form, problems: problems, status: .unprocessableContent) }
            try await services.scheduling.setRules(rules)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "booking rules changed")
            return .seeOther("/scheduling/rules?saved=rules")
        }
        registerLocations(on: router)
        registerServices(on: router)
        registerHours(on: router)
        registerTimeOff(on: router)
    }

    /// The page's chrome with the notice its redirect asked for (`?saved=`).
    func notice(_ context: AppRequestContext, _ request: Request, title: String = "Booking set-up") -> Chrome {
        var chrome = context.chrome(title)
        chrome.notice = Self.saved[FormData(encoded: request.uri.query ?? "")["saved"]]
        return chrome
    }

    /// The question asked before retiring or restoring.
    func confirm(_ context: AppRequestContext, question: String, what: String, consequences: [String], action: String, yes: String, back: String) -> Response {
        services.views.page("setup_confirm", ConfirmPage(chrome: context.chrome(question), question: question, what: what, consequences: consequences,
                                                         action: action, yes: yes, back: back, no: "No, go back"))
    }

    func therapistNames() async throws -> [String: String] {
        Dictionary(try await services.accounts.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    static let ruleFields = [
        FieldView("minimumNoticeMinutes", "Minimum notice for online booking (minutes)", type: "number"),
        FieldView("maximumAdvanceDays", "How far ahead clients may book (days)", type: "number"),
        FieldView("slotStepMinutes", "Offer a start time every (minutes)", type: "number"),
        FieldView("cancellationWindowHours", "Cancellation window (hours)", type: "number", help: "Cancelling later than this is a late cancellation."),
        FieldView("lateFee", "Late-cancellation fee", help: "In dollars; 0 for none.", limit: .code),
    ]

    private func rulesPage(_ chrome: Chrome, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) -> Response {
        var chrome = chrome
        chrome.title = "Booking rules"
        return services.views.page("scheduling_rules", RulesPage(chrome: chrome, nav: SetupNav(current: "/scheduling/rules"),
                                                                 fields: Self.ruleFields.filled(from: form, problems: problems)), status: status)
    }
}
