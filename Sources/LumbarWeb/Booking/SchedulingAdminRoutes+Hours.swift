import Hummingbird
import LumbarClinic
import LumbarCore

/// Therapists' hours as a week grid per therapist and location: different hours per day, two shifts and a break.
/// Saving replaces exactly that therapist's week at that location with what the grid shows.
extension SchedulingAdminRoutes {
    static let cellLabels = [("s1start", "From"), ("s1end", "To"), ("s2start", "Second shift from"), ("s2end", "To"), ("bstart", "Break from"), ("bend", "To")]

    func registerHours(on router: Router<AppRequestContext>) {
        router.get("/scheduling/hours") { request, context -> Response in
            _ = try context.owner()
            let query = FormData(encoded: request.uri.query ?? "")
            let therapists = try await services.accounts.therapists(), locations = try await services.scheduling.locations()
            let therapist = therapists.first { $0.id == query["therapist"] } ?? therapists.first
            let location = locations.first { $0.id == query["location"] } ?? locations.first
            var chrome = context.chrome("Hours")
            var values: [String: String] = [:]
            if let therapist, let location {
                let hours = try await storedWeek(therapistId: therapist.id, locationId: location.id)
                values = WeekGrid.values(hours)
                if query["saved"] == "hours" {
                    let lines = WeekGrid.summary(hours)
                    chrome.notice = "Saved. \(therapist.name) at \(location.name): " + (lines.isEmpty ? "closed every day." : lines.joined(separator: "; ") + ".")
                }
            }
            return try await hoursPage(chrome, therapists: therapists, locations: locations, therapist: therapist, location: location,
                                       form: FormData(values), problems: [])
        }
        router.post("/scheduling/hours") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let therapists = try await services.accounts.therapists(), locations = try await services.scheduling.locations()
            guard let therapist = therapists.first(where: { $0.id == form["therapist"] }),
                  let location = locations.first(where: { $0.id == form["location"] }) else {
                throw PageError.badForm("Choose a therapist and a location in practice, then set their hours.")
            }
            let (week, problems) = WeekGrid.parse { form[$0] }
            guard let week, problems.isEmpty else {
                return try await hoursPage(context.chrome("Hours"), therapists: therapists, locations: locations, therapist: therapist, location: location,
                                           form: form, problems: problems, status: .unprocessableContent)
            }
            try await services.scheduling.setHours(therapistId: therapist.id, locationId: location.id, week)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "working hours set for \(therapist.id) at \(location.id)")
            return .seeOther("/scheduling/hours?therapist=\(therapist.id)&location=\(location.id)&saved=hours")
        }
    }

    private func storedWeek(therapistId: String, locationId: String) async throws -> WeeklyHours {
        var week = try await services.scheduling.hours(locationId: locationId, window: TimeRange(start: services.now, end: services.now))[therapistId] ?? WeeklyHours()
        week.timeOff = []
        return week
    }

    private func hoursPage(_ chrome: Chrome, therapists: [Account], locations: [Location], therapist: Account?, location: Location?,
                           form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        var missing: String?
        if locations.isEmpty { missing = "Add a location first: hours are set per location." }
        if therapists.isEmpty { missing = (missing.map { $0 + " " } ?? "") + "Invite a therapist from the Staff page: hours are set per therapist." }
        var grid: [HoursPage.Day] = []
        if therapist != nil && location != nil {
            grid = (0..<7).map { day in
                let cells = Self.cellLabels.map { suffix, label in
                    let name = "d\(day)" + suffix
                    return HoursPage.Cell(name: name, label: label, value: form[name], error: problems.first { $0.field == name }?.message)
                }
                return HoursPage.Day(index: day, name: WeekGrid.dayNames[day], cells: cells,
                                     closed: cells.prefix(4).allSatisfy { $0.value.trimmed.isEmpty }, invalid: cells.contains { $0.error != nil })
            }
        }
        let names = Dictionary(therapists.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var stored: [HoursPage.Stored] = []
        for place in locations {
            let weeks = try await services.scheduling.hours(locationId: place.id, window: TimeRange(start: services.now, end: services.now))
            for (id, week) in weeks.sorted(by: { (names[$0.key] ?? "", $0.key) < (names[$1.key] ?? "", $1.key) }) {
                guard let name = names[id], week.days.contains(where: { !$0.isEmpty }) else { continue }
                stored.append(.init(therapist: name, location: place.name, summary: WeekGrid.summary(week).joined(separator: "; "),
                                    href: "/scheduling/hours?therapist=\(id)&location=\(place.id)"))
            }
        }
        var chrome = chrome
        chrome.title = "Hours"
        let page = HoursPage(
            chrome: chrome, nav: SetupNav(current: "/scheduling/hours"),
            therapists: therapists.map { .init(value: $0.id, label: $0.name, selected: $0.id == therapist?.id) },
            locations: locations.map { .init(value: $0.id, label: $0.name, selected: $0.id == location?.id) },
            grid: grid, showGrid: !grid.isEmpty, therapistId: therapist?.id ?? "", locationId: location?.id ?? "",
            heading: therapist.flatMap { t in location.map { "\(t.name) at \($0.name)" } } ?? "", hasProblems: !problems.isEmpty,
            stored: stored, missing: missing)
        return services.views.page("scheduling_hours", page, status: status)
    }
}
