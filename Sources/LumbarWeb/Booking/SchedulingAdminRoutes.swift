import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The owner's booking set-up: locations and rooms, services, therapists' hours and time off, booking rules.
struct SchedulingAdminRoutes {
    let services: AppServices

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// What the page says after each kind of save.
    static let saved = ["time-off": "Time off saved. Those days are no longer offered for booking.",
                        "time-off-removed": "Time off removed. Those days can be booked again."]

    func register(on router: Router<AppRequestContext>) {
        router.get("/scheduling") { request, context -> Response in
            _ = try context.owner()
            let saved = FormData(encoded: request.uri.query ?? "")["saved"]
            let rules = try await services.scheduling.rules()
            let defaults = FormData(encoded: "timeZone=America%2FToronto&minutes=60&bufferMinutes=15&taxPercent=13&audience=any&start=09%3A00&end=17%3A00"
                + "&minimumNoticeMinutes=\(rules.minimumNoticeMinutes)&maximumAdvanceDays=\(rules.maximumAdvanceDays)&slotStepMinutes=\(rules.slotStepMinutes)"
                + "&cancellationWindowHours=\(rules.cancellationWindowHours)&lateFee=\(Money.text(rules.lateCancellationFeeCents).dropFirst())"
                + "&day0=on&day1=on&day2=on&day3=on&day4=on" + (Self.saved[saved] == nil ? "" : "&saved=\(saved)"))
            return try await page(context, form: defaults, problems: [])
        }
        router.post("/scheduling/locations") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            var problems: [FieldProblem] = []
            if form["name"].trimmed.isEmpty { problems.append(FieldProblem("name", "Name the location, e.g. \"Downtown\".")) }
            if form["address"].trimmed.isEmpty { problems.append(FieldProblem("address", "Enter the street address.")) }
            if FoundationZone(identifier: form["timeZone"].trimmed) == nil { problems.append(FieldProblem("timeZone", "Choose a time zone such as America/Toronto.")) }
            problems = FieldLimit.problems([("name", form["name"], .name), ("address", form["address"], .short), ("rooms", form["rooms"], .short)]) + problems
            guard problems.isEmpty else { return try await page(context, form: form, problems: problems, status: .unprocessableContent) }
            let rooms = form["rooms"].split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            _ = try await services.scheduling.addLocation(name: form["name"].trimmed, address: form["address"].trimmed, timeZone: form["timeZone"].trimmed,
                                                          rooms: rooms, at: services.now)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "location added")
            return .seeOther("/scheduling")
        }
        router.post("/scheduling/services") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let service = BookableService(
                id: "", name: form["serviceName"].trimmed, minutes: Int(form["minutes"]) ?? -1, bufferMinutes: Int(form["bufferMinutes"]) ?? -1,
                priceCents: Money.cents(form["price"]) ?? -1, taxBasisPoints: Money.basisPoints(form["taxPercent"]) ?? -1,
                bookableOnline: form.checkbox("online"), audience: BookableService.Audience(rawValue: form["audience"]) ?? .any)
            let problems = service.problems().map { $0.field == "name" ? FieldProblem("serviceName", $0.message) : $0 }
            guard problems.isEmpty else { return try await page(context, form: form, problems: problems, status: .unprocessableContent) }
            _ = try await services.scheduling.addService(service)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "service added")
            return .seeOther("/scheduling")
        }
        router.post("/scheduling/hours") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            var problems: [FieldProblem] = []
            let therapist = try await services.accounts.find(id: form["therapist"])
            if therapist?.role != .therapist { problems.append(FieldProblem("therapist", "Choose a therapist.")) }
            if try await services.scheduling.location(id: form["location"]) == nil { problems.append(FieldProblem("location", "Choose a location.")) }
            let start = WallTime(form["start"]), end = WallTime(form["end"])
            if start == nil { problems.append(FieldProblem("start", "Enter a time like 09:00.")) }
            if end == nil { problems.append(FieldProblem("end", "Enter a time like 17:00.")) }
            var span: WeeklyHours.Span?
            if let start, let end {
                span = WeeklyHours.Span(start: start, end: end)
                if span == nil { problems.append(FieldProblem("end", "The day must end after it starts.")) }
            }
            var lunch: WeeklyHours.Span?
            if !form["breakStart"].isEmpty || !form["breakEnd"].isEmpty {
                lunch = WallTime(form["breakStart"]).flatMap { s in WallTime(form["breakEnd"]).flatMap { WeeklyHours.Span(start: s, end: $0) } }
                if lunch == nil { problems.append(FieldProblem("breakEnd", "Enter a break like 12:00 to 12:30, or leave both empty.")) }
            }
            let days = (0..<7).filter { form.checkbox("day\($0)") }
            if days.isEmpty { problems.append(FieldProblem("start", "Tick at least one day.")) }
            guard problems.isEmpty, let span else { return try await page(context, form: form, problems: problems, status: .unprocessableContent) }
            let hours = WeeklyHours(days: (0..<7).map { days.contains($0) ? [span] : [] },
                                    breaks: (0..<7).map { days.contains($0) ? lunch.map { [$0] } ?? [] : [] })
            try await services.scheduling.setHours(therapistId: form["therapist"], locationId: form["location"], hours)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "working hours set for \(form["therapist"])")
            return .seeOther("/scheduling")
        }
        router.post("/scheduling/time-off") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            var problems: [FieldProblem] = []
            let therapist = try await services.accounts.find(id: form["offTherapist"])
            if therapist?.role != .therapist { problems.append(FieldProblem("offTherapist", "Choose a therapist.")) }
            let clinicTime = try await services.clinicTime()
            let from = LocalDate(iso: form["offFrom"]), through = LocalDate(iso: form["offThrough"])
            if from == nil { problems.append(FieldProblem("offFrom", "Enter the first day off as YYYY-MM-DD.")) }
            if through == nil { problems.append(FieldProblem("offThrough", "Enter the last day off as YYYY-MM-DD.")) }
            // From the start of the first day to the start of the day after the last, on the clinic's clock.
            let start = from.map(clinicTime.startOf), end = through.map { clinicTime.startOf($0.adding(days: 1)) }
            if let start, let end {
                switch TimeOff.problem(start: start, end: end, now: services.now) {
                case .endsBeforeStart?: problems.append(FieldProblem("offThrough", "The last day off is before the first. Enter the days in order."))
                case .alreadyOver?: problems.append(FieldProblem("offThrough", "These days are already over. Enter time off from today onwards."))
                case nil: break
                }
            }
            if let tooLong = FieldLimit.short.problem("offNote", form["offNote"]) { problems.append(tooLong) }
            guard problems.isEmpty, let start, let end else { return try await page(context, form: form, problems: problems, status: .unprocessableContent) }
            try await services.scheduling.addTimeOff(therapistId: form["offTherapist"], TimeRange(start: start, end: end), note: form["offNote"].trimmed,
                                                     audit: services.auditEntry(owner, context, .change, .account, client: nil, detail: "time off added for \(form["offTherapist"])"))
            return .seeOther("/scheduling?saved=time-off")
        }
        router.get("/scheduling/time-off/:id/remove") { _, context -> Response in
            _ = try context.owner()
            guard let entry = try await services.scheduling.timeOff(id: try context.parameters.require("id")) else { throw PageError.notFound }
            let page = TimeOffRemovePage(chrome: context.chrome("Remove time off"),
                                  entry: try await row(entry, names: try await therapistNames()))
            return services.views.page("time_off_remove", page)
        }
        router.post("/scheduling/time-off/:id/remove") { _, context -> Response in
            let owner = try context.owner()
            let id = try context.parameters.require("id")
            guard let entry = try await services.scheduling.timeOff(id: id) else { throw PageError.notFound }
            let removed = try await services.scheduling.removeTimeOff(
                id: id, by: owner.id, audit: services.auditEntry(owner, context, .change, .account, client: nil, detail: "time off removed for \(entry.therapistId)"),
                at: services.now)
            guard removed else { throw PageError.notFound }
            return .seeOther("/scheduling?saved=time-off-removed")
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
            guard problems.isEmpty else { return try await page(context, form: form, problems: problems, status: .unprocessableContent) }
            try await services.scheduling.setRules(rules)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "booking rules changed")
            return .seeOther("/scheduling")
        }
    }

    private func therapistNames() async throws -> [String: String] {
        Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Time off as the owner reads it: whole days on the clinic's clock, "Mon 1 Dec 2026 to Fri 5 Dec 2026".
    private func row(_ entry: TimeOff, names: [String: String]) async throws -> SchedulingPage.TimeOffRow {
        let zone = try await services.clinicTime().rules
        let first = zone.local(entry.range.start).date, last = zone.local(entry.range.end.adding(seconds: -1)).date
        func day(_ date: LocalDate) -> String { "\(date.weekdayName.prefix(3)) \(date.day) \(date.monthName.prefix(3)) \(date.year)" }
        return .init(id: entry.id, therapist: names[entry.therapistId] ?? "A former therapist", days: first == last ? day(first) : "\(day(first)) to \(day(last))",
                     note: entry.note.isEmpty ? nil : entry.note)
    }

    private func page(_ context: AppRequestContext, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        let locations = try await services.scheduling.locations()
        let therapists = try await services.accounts.therapists()
        let names = try await therapistNames()
        var hourRows: [SchedulingPage.HoursRow] = []
        for location in locations {
            let window = TimeRange(start: services.now, end: services.now)
            for (therapist, hours) in try await services.scheduling.hours(locationId: location.id, window: window).sorted(by: { $0.key < $1.key }) {
                let summary = (0..<7).compactMap { day -> String? in
                    guard let span = hours.days[day].first else { return nil }
                    return "\(Self.dayNames[day]) \(span.start)–\(span.end)" + (hours.breaks[day].first.map { " (break \($0.start)–\($0.end))" } ?? "")
                }.joined(separator: ", ")
                hourRows.append(.init(therapist: names[therapist] ?? therapist, location: location.name, summary: summary))
            }
        }
        let therapistChoices = therapists.map { ($0.id, $0.name) }
        let locationChoices = locations.map { ($0.id, $0.name) }
        var timeOff: [SchedulingPage.TimeOffRow] = []
        for entry in try await services.scheduling.timeOff(endingAfter: services.now) { timeOff.append(try await row(entry, names: names)) }
        var chrome = context.chrome("Booking set-up")
        chrome.notice = Self.saved[form["saved"]]
        let model = SchedulingPage(
            chrome: chrome,
            locations: locations.map { .init(name: $0.name, address: $0.address, timeZone: $0.timeZone, roomNames: $0.rooms.isEmpty ? nil : $0.rooms.map(\.name).joined(separator: ", ")) },
            services: try await services.scheduling.services().map {
                .init(name: $0.name, minutes: $0.minutes, bufferMinutes: $0.bufferMinutes, price: Money.text($0.priceCents), online: $0.bookableOnline, audience: $0.audience.rawValue)
            },
            hours: hourRows,
            weekdays: (0..<7).map { .init(index: $0, name: Self.dayNames[$0], checked: form.checkbox("day\($0)")) },
            locationFields: [
                FieldView("name", "Location name", limit: .name), FieldView("address", "Street address", limit: .short),
                FieldView("timeZone", "Time zone", help: "IANA name, e.g. America/Toronto.", limit: .name),
                FieldView("rooms", "Treatment rooms", help: "Names separated by commas; leave empty if rooms are not booked.", optional: true, limit: .short),
            ].filled(from: form, problems: problems),
            serviceFields: [
                FieldView("serviceName", "Service name", limit: .name), FieldView("minutes", "Length (minutes)", type: "number"),
                FieldView("bufferMinutes", "Turnover after (minutes)", type: "number", help: "For changing the table and charting."),
                FieldView("price", "Price", help: "In dollars, e.g. 120.00.", limit: .code), FieldView("taxPercent", "Tax (%)", help: "13 for HST; 0 if none.", limit: .code),
                FieldView.select("audience", "Who may book it", [("any", "Everyone"), ("new", "New clients (initial assessment)"), ("returning", "Returning clients")]),
            ].filled(from: form, problems: problems),
            hourFields: [
                FieldView.select("therapist", "Therapist", therapistChoices), FieldView.select("location", "Location", locationChoices),
                FieldView("start", "Starts", type: "time"), FieldView("end", "Ends", type: "time"),
                FieldView("breakStart", "Break starts", type: "time", optional: true), FieldView("breakEnd", "Break ends", type: "time", optional: true),
            ].filled(from: form, problems: problems),
            timeOffFields: [
                FieldView.select("offTherapist", "Therapist", therapistChoices), FieldView("offFrom", "First day off", type: "date"),
                FieldView("offThrough", "Last day off", type: "date"), FieldView("offNote", "Note", optional: true, limit: .short),
            ].filled(from: form, problems: problems),
            timeOff: timeOff,
            ruleFields: [
                FieldView("minimumNoticeMinutes", "Minimum notice for online booking (minutes)", type: "number"),
                FieldView("maximumAdvanceDays", "How far ahead clients may book (days)", type: "number"),
                FieldView("slotStepMinutes", "Offer a start time every (minutes)", type: "number"),
                FieldView("cancellationWindowHours", "Cancellation window (hours)", type: "number", help: "Cancelling later than this is a late cancellation."),
                FieldView("lateFee", "Late-cancellation fee", help: "In dollars; 0 for none.", limit: .code),
            ].filled(from: form, problems: problems))
        return services.views.page("scheduling", model, status: status)
    }
}
