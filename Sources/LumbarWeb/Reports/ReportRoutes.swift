import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// The reports: the till's end of day (front desk and owner), and the owner's revenue, utilization and what each
/// therapist earned, each a chart beside its table and a CSV download. Reading one is itself logged.
struct ReportRoutes {
    let services: AppServices

    /// One report drawn for the page and for its CSV download.
    struct Drawn {
        var heading: String
        var intro: String
        var figures: [ReportPage.Figure]
        var chart: String
        var chartCaption: String
        var tables: [ReportPage.Table]
        var notes: [String]
        /// The CSV: a header and rows.
        var csv: (header: [String], rows: [[String]])
    }

    /// What the filter form asked for.
    struct Choice {
        var from: LocalDate
        var to: LocalDate
        var period: ReportService.Period
        var locationId: String?
        var form: FormData
        var problems: [FieldProblem]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/reports") { _, context -> Response in
            let account = try Self.tillReader(context)
            return .seeOther(account.role == .owner ? "/reports/revenue" : "/reports/end-of-day")
        }
        for (slug, kind) in [("end-of-day", Kind.endOfDay), ("revenue", .revenue), ("utilization", .utilization), ("compensation", .compensation)] {
            router.get("/reports/\(slug)") { request, context -> Response in
                let account = kind == .endOfDay ? try Self.tillReader(context) : try context.owner()
                let choice = try await choice(request, kind)
                let drawn = try await draw(kind, choice)
                try await services.audit(account, context, .view, .account, client: nil, detail: "report: \(slug)")
                let query = request.uri.query ?? ""
                var chrome = context.chrome(drawn.heading)
                chrome.notice = choice.problems.isEmpty ? nil : "Check the choices below."
                let tabs: [ReportPage.Tab] = account.role == .owner ? Kind.allCases.map {
                    ReportPage.Tab(label: $0.tab, href: "/reports/\($0.slug)", current: $0 == kind)
                } : []
                let page = ReportPage(
                    chrome: chrome, heading: drawn.heading, intro: drawn.intro, tabs: tabs, hasTabs: !tabs.isEmpty, action: "/reports/\(slug)",
                    fields: try await fields(kind).filled(from: choice.form, problems: choice.problems), figures: drawn.figures, chart: drawn.chart,
                    hasChart: !drawn.chart.isEmpty, chartCaption: drawn.chartCaption, tables: drawn.tables, notes: drawn.notes,
                    csvHref: "/reports/\(slug).csv" + (query.isEmpty ? "" : "?\(query)"), printable: kind == .endOfDay,
                    editHref: "/reports/pay-rules", editLabel: "Set pay rules", canEdit: kind == .compensation)
                return services.views.page("report", page, status: choice.problems.isEmpty ? .ok : .unprocessableContent)
            }
            router.get("/reports/\(slug).csv") { request, context -> Response in
                let account = kind == .endOfDay ? try Self.tillReader(context) : try context.owner()
                let choice = try await choice(request, kind)
                guard choice.problems.isEmpty else { throw PageError.badForm(choice.problems.map(\.message).joined(separator: " ")) }
                let drawn = try await draw(kind, choice)
                try await services.audit(account, context, .export, .account, client: nil, detail: "report: \(slug), \(drawn.csv.rows.count) rows")
                return CSV.response(CSV.text(drawn.csv.header, drawn.csv.rows), filename: "lumbar-\(slug)-\(choice.from)-\(choice.to).csv")
            }
        }
        router.get("/reports/pay-rules") { request, context -> Response in
            _ = try context.owner()
            return try await payRulesPage(context, saved: FormData(encoded: request.uri.query ?? "")["saved"] == "1", problem: nil)
        }
        router.post("/reports/pay-rules") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let therapists = try await Self.therapists(services)
            guard let therapist = therapists.first(where: { $0.id == form["therapist"] }) else { throw PageError.notFound }
            let kind = CompensationRule.Kind(rawValue: form["kind"]) ?? .percent
            var rule = CompensationRule(therapistId: therapist.id, kind: kind)
            switch kind {
            case .percent:
                guard let hundredths = Money.cents(form["percent"].replacingOccurrences(of: "%", with: "")), hundredths <= 10_000 else {
                    return try await payRulesPage(context, saved: false, problem: (therapist.id, "Enter a percent from 0 to 100, such as 45 or 42.5."))
                }
                rule.basisPoints = hundredths
            case .perVisit:
                guard let cents = Money.cents(form["perVisit"]), cents <= 100_000 else {
                    return try await payRulesPage(context, saved: false, problem: (therapist.id, "Enter an amount per visit, such as 55.00."))
                }
                rule.centsPerVisit = cents
            }
            try await services.reportService.setCompensationRule(rule, by: owner, address: context.address, at: services.now)
            return .seeOther("/reports/pay-rules?saved=1")
        }
    }

    enum Kind: CaseIterable {
        case endOfDay, revenue, utilization, compensation

        var slug: String {
            switch self {
            case .endOfDay: "end-of-day"
            case .revenue: "revenue"
            case .utilization: "utilization"
            case .compensation: "compensation"
            }
        }

        var tab: String {
            switch self {
            case .endOfDay: "End of day"
            case .revenue: "Revenue"
            case .utilization: "Bookings"
            case .compensation: "Therapist pay"
            }
        }
    }

    /// The till's report is for the desk and the owner; therapists do not see the clinic's money.
    static func tillReader(_ context: AppRequestContext) throws -> Account {
        let account = try context.staff()
        guard account.role == .owner || account.role == .frontDesk else { throw PageError.forbidden }
        return account
    }

    static func therapists(_ services: AppServices) async throws -> [Account] {
        try await services.accounts.staff().filter { $0.role == .therapist || ($0.role == .owner && $0.collegeRegistration != nil) }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    // MARK: Choices

    private func fields(_ kind: Kind) async throws -> [FieldView] {
        let locations = try await services.scheduling.locations()
        var fields: [FieldView] = []
        if kind == .endOfDay {
            fields.append(FieldView("date", "Day", type: "date"))
        } else {
            fields += [FieldView("from", "From", type: "date"), FieldView("to", "To", type: "date")]
        }
        if kind == .revenue {
            fields.append(.select("period", "Show by", [("day", "Day"), ("week", "Week"), ("month", "Month"), ("year", "Year")]))
        }
        if locations.count > 1 || kind != .endOfDay {
            fields.append(.select("location", "Location", (locations.count > 1 ? [("", "All locations")] : []) + locations.map { ($0.id, $0.name) }))
        }
        return fields
    }

    private func choice(_ request: Request, _ kind: Kind) async throws -> Choice {
        var form = FormData(encoded: request.uri.query ?? "")
        var problems: [FieldProblem] = []
        let locations = try await services.scheduling.locations()
        var locationId: String? = form["location"].isEmpty ? nil : form["location"]
        if let id = locationId, !locations.contains(where: { $0.id == id }) { problems.append(FieldProblem("location", "Choose a location from the list.")); locationId = nil }
        if locationId == nil, locations.count == 1 { locationId = locations[0].id }
        let zone = try await services.reportService.zone(locationId: locationId)
        let today = zone.local(services.now).date
        func day(_ name: String, _ fallback: LocalDate) -> LocalDate {
            let text = form[name].trimmed
            if text.isEmpty { return fallback }
            guard let date = LocalDate(iso: text) else {
                problems.append(FieldProblem(name, "Enter a date as YYYY-MM-DD."))
                return fallback
            }
            return date
        }
        let period = ReportService.Period(rawValue: form["period"]) ?? .month
        var from: LocalDate, to: LocalDate
        if kind == .endOfDay {
            from = day("date", today)
            to = from
        } else {
            let defaultFrom = kind == .revenue && period == .month ? LocalDate(year: today.year, month: 1, day: 1)! : LocalDate(year: today.year, month: today.month, day: 1)!
            from = day("from", defaultFrom)
            to = day("to", today)
            let wrong = ReportService.spanProblems(from: from, to: to, period: period)
            problems += wrong
            // Drawn over a span that can be drawn, beside the problem named.
            if to < from { to = from }
            if wrong.contains(where: { $0.field == "from" }) { from = to.adding(days: -366) }
        }
        var values = ["from": from.description, "to": to.description, "date": from.description, "period": period.rawValue, "location": locationId ?? ""]
        for (name, value) in values where !form[name].isEmpty { values[name] = form[name] }
        form = FormData(encoded: values.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
        return Choice(from: from, to: to, period: period, locationId: locationId, form: form, problems: problems)
    }

    // MARK: Drawing

    private func draw(_ kind: Kind, _ choice: Choice) async throws -> Drawn {
        switch kind {
        case .endOfDay: try await endOfDay(choice)
        case .revenue: try await revenue(choice)
        case .utilization: try await utilization(choice)
        case .compensation: try await compensation(choice)
        }
    }

    static func cash(_ cents: Int) -> String { Money.text(cents) }
    static func money(_ cents: Int) -> ReportPage.Cell { .init(text: Self.cash(cents), numeric: true) }
    static func number(_ value: Int) -> ReportPage.Cell { .init(text: "\(value)", numeric: true) }
    static func text(_ value: String) -> ReportPage.Cell { .init(text: value, numeric: false) }
    static func percent(_ basisPoints: Int?) -> String {
        guard let basisPoints else { return "—" }
        return basisPoints % 100 == 0 ? "\(basisPoints / 100)%" : String(format: "%.1f%%", Double(basisPoints) / 100)
    }
    static func headers(_ names: [String], numericFrom: Int = 1) -> [ReportPage.Cell] {
        names.enumerated().map { ReportPage.Cell(text: $0.element, numeric: $0.offset >= numericFrom) }
    }
    static func table(_ caption: String, _ headers: [ReportPage.Cell], _ rows: [[ReportPage.Cell]], total: [ReportPage.Cell] = [],
                      empty: String = "Nothing in this period.") -> ReportPage.Table {
        ReportPage.Table(caption: caption, headers: headers, rows: rows.map { .init(cells: $0) }, hasRows: !rows.isEmpty, empty: empty, total: total,
                         hasTotal: !total.isEmpty, columns: headers.count)
    }

    private func locationName(_ id: String?) async throws -> String {
        guard let id else { return "all locations" }
        return try await services.scheduling.location(id: id)?.name ?? "this location"
    }

    private func endOfDay(_ choice: Choice) async throws -> Drawn {
        let day = try await services.reportService.endOfDay(choice.from, locationId: choice.locationId)
        let place = try await locationName(choice.locationId)
        let till = day.till.map { line in
            [Self.text(line.method.label), Self.number(line.payments), Self.money(line.inCents), Self.money(line.creditKeptCents), Self.money(line.refundCents),
             Self.money(line.netCents)]
        }
        let prepaid = day.prepaid.map { line in
            [Self.text(line.method.label), Self.number(line.payments), Self.money(line.inCents), Self.money(line.refundCents)]
        }
        let bars = day.till.map { ReportChart.Bar(label: $0.method.label, value: $0.netCents, text: Self.cash($0.netCents)) }
        let cashKept = day.till.first { $0.method == .cash }?.netCents ?? 0
        let tillTotal = [Self.text("Total"), Self.number(day.till.map(\.payments).reduce(0, +)), Self.money(day.till.map(\.inCents).reduce(0, +)),
                         Self.money(day.till.map(\.creditKeptCents).reduce(0, +)), Self.money(day.tillRefundCents), Self.money(day.tillNetCents)]
        var rows: [[String]] = day.till.map { ["till", $0.method.label, "\($0.payments)", Self.cash($0.inCents), Self.cash($0.creditKeptCents), "\($0.refunds)", Self.cash($0.refundCents), Self.cash($0.netCents)] }
        rows += day.prepaid.map { ["paid ahead", $0.method.label, "\($0.payments)", Self.cash($0.inCents), "", "\($0.refunds)", Self.cash($0.refundCents), ""] }
        rows.append(["owed", "Still owed at the end of the day", "\(day.owingInvoices)", "", "", "", "", Self.cash(day.owedAtEndCents)])
        return Drawn(
            heading: "End of day", intro: "\(Self.longDate(day.date)), \(place). What came in and went back, by how it was paid, for counting the till.",
            figures: [.init(label: "Money in", value: Self.cash(day.tillInCents)), .init(label: "Refunded", value: Self.cash(day.tillRefundCents)),
                      // The drawer is counted by hand and the rest matched to the card terminal and bank, so they are apart.
                      .init(label: "Cash the drawer should hold", value: Self.cash(cashKept)),
                      .init(label: "Card and e-transfer to match", value: Self.cash(day.tillNetCents - cashKept)),
                      .init(label: "Still owed", value: "\(Self.cash(day.owedAtEndCents)) on \(day.owingInvoices) \(day.owingInvoices == 1 ? "invoice" : "invoices")")],
            chart: ReportChart.shares(bars, whole: max(1, bars.map(\.value).max() ?? 1), title: "Money kept today, by how it was paid"),
            chartCaption: "Kept today, by how it was paid",
            tables: [
                Self.table("Money in the till", Self.headers(["Paid by", "Payments", "Received", "Kept as credit", "Refunded", "Net kept"]), till, total: tillTotal),
                Self.table("Paid from what clients paid ahead (not money in today)", Self.headers(["Drawn from", "Payments", "Amount", "Refunded back"]), prepaid),
            ],
            notes: ["Received: payments on invoices taken today. Kept as credit: the part of a payment beyond what was owed, kept on the client's account; it is in the till too.",
                    "Refunded: money given back today, by the way it went back. A refund kept as credit or put back on a gift certificate is listed under those.",
                    "Gift certificates, credit on account and packages were paid for earlier, so they are shown apart and not counted in the till.",
                    "Still owed: what invoices issued by the end of the day still owe after the payments taken by then. Voided invoices owe nothing.",
                    "The day runs midnight to midnight, \(Self.clockName(day.zone))."],
            csv: (["part", "way", "payments", "received", "kept_as_credit", "refunds", "refunded", "kept_or_owed"], rows))
    }

    private func revenue(_ choice: Choice) async throws -> Drawn {
        let report = try await services.reportService.revenue(from: choice.from, to: choice.to, period: choice.period, locationId: choice.locationId)
        let headers = Self.headers(["", "Invoices", "Revenue", "HST", "Refunds", "Net"])
        func rows(_ lines: [ReportService.Line]) -> [[ReportPage.Cell]] {
            lines.map { [Self.text($0.label), Self.number($0.invoices), Self.money($0.subtotalCents), Self.money($0.taxCents), Self.money($0.refundCents), Self.money($0.netCents)] }
        }
        func named(_ first: String) -> [ReportPage.Cell] { [Self.text(first)] + headers.dropFirst() }
        let total = [Self.text("Total"), Self.number(report.total.invoices), Self.money(report.total.subtotalCents), Self.money(report.total.taxCents),
                     Self.money(report.total.refundCents), Self.money(report.total.netCents)]
        let place = try await locationName(choice.locationId)
        var csv: [[String]] = []
        for (group, lines) in [("period", report.series), ("therapist", report.byTherapist), ("service", report.byService), ("location", report.byLocation)] {
            csv += lines.map { [group, $0.label, "\($0.invoices)", Self.cash($0.subtotalCents), Self.cash($0.taxCents), Self.cash($0.refundCents), Self.cash($0.netCents)] }
        }
        csv.append(["gift certificates sold", "", "\(report.giftSoldCount)", Self.cash(report.giftSoldCents), "", "", ""])
        csv.append(["visits covered by a package", "", "\(report.total.packageVisits)", "", "", "", ""])
        return Drawn(
            heading: "Revenue", intro: "\(Self.longDate(report.from)) to \(Self.longDate(report.to)), \(place), by \(choice.period.rawValue).",
            figures: [.init(label: "Net revenue", value: Self.cash(report.total.netCents)), .init(label: "HST collected", value: Self.cash(report.total.taxCents)),
                      .init(label: "Refunds", value: Self.cash(report.total.refundCents)),
                      .init(label: "Gift certificates sold", value: "\(Self.cash(report.giftSoldCents)) (\(report.giftSoldCount))"),
                      .init(label: "Visits covered by a package", value: "\(report.total.packageVisits)")],
            chart: ReportChart.bars(report.series.map { .init(label: $0.label, value: $0.netCents, text: Self.cash($0.netCents)) }, title: "Net revenue by \(choice.period.rawValue)"),
            chartCaption: "Net revenue by \(choice.period.rawValue)",
            tables: [Self.table("By \(choice.period.rawValue)", named(choice.period.rawValue.capitalized), rows(report.series), total: total),
                     Self.table("By therapist", named("Therapist"), rows(report.byTherapist)),
                     Self.table("By service", named("Service"), rows(report.byService)),
                     Self.table("By location", named("Location"), rows(report.byLocation))],
            notes: ["Revenue: the amounts before HST of invoices for visits, fees and packages, on the day each was issued. HST is shown apart.",
                    "Voided invoices are left out. Refunds are shown on the day they were given and taken off to make the net.",
                    "A visit paid from a package is not counted again: the package was counted when it was sold. It is counted as a visit covered by a package.",
                    "Gift certificates sold are money held for the client, not revenue, and are shown apart. What is later paid with them counts as revenue.",
                    "Invoices: those counted as revenue (visits, fees and packages sold). Days are counted \(Self.clockName(report.zone))."],
            csv: (["group", "name", "invoices", "revenue", "hst", "refunds", "net"], csv))
    }

    private func utilization(_ choice: Choice) async throws -> Drawn {
        let report = try await services.reportService.utilization(from: choice.from, to: choice.to, locationId: choice.locationId)
        func hours(_ minutes: Int) -> String { minutes % 60 == 0 ? "\(minutes / 60)" : String(format: "%.1f", Double(minutes) / 60) }
        let rows = report.rows.map {
            [Self.text($0.name), .init(text: hours($0.scheduledMinutes), numeric: true), .init(text: hours($0.bookedMinutes), numeric: true),
             .init(text: Self.percent($0.bookedBasisPoints), numeric: true), Self.number($0.appointments),
             .init(text: "\($0.noShows) (\(Self.percent($0.noShowBasisPoints)))", numeric: true),
             .init(text: "\($0.lateCancels) (\(Self.percent($0.lateCancelBasisPoints)))", numeric: true)]
        }
        let place = try await locationName(choice.locationId)
        let scheduled = report.rows.map(\.scheduledMinutes).reduce(0, +), booked = report.rows.map(\.bookedMinutes).reduce(0, +)
        let appointments = report.rows.map(\.appointments).reduce(0, +)
        let noShows = report.rows.map(\.noShows).reduce(0, +), late = report.rows.map(\.lateCancels).reduce(0, +)
        func share(_ part: Int, _ whole: Int) -> Int? { whole > 0 ? part * 10_000 / whole : nil }
        return Drawn(
            heading: "Bookings", intro: "\(Self.longDate(report.from)) to \(Self.longDate(report.to)), \(place): how much of each therapist's working time was booked.",
            figures: [.init(label: "Booked of working hours", value: Self.percent(share(booked, scheduled))),
                      .init(label: "Hours booked", value: "\(hours(booked)) of \(hours(scheduled))"),
                      .init(label: "No-shows", value: "\(noShows) (\(Self.percent(share(noShows, appointments))))"),
                      .init(label: "Late cancellations", value: "\(late) (\(Self.percent(share(late, appointments))))")],
            chart: ReportChart.shares(report.rows.map { .init(label: $0.name, value: $0.bookedBasisPoints ?? 0, text: Self.percent($0.bookedBasisPoints)) },
                                      whole: 10_000, title: "Share of working hours booked, by therapist"),
            chartCaption: "Share of working hours booked",
            tables: [Self.table("By therapist", Self.headers(["Therapist", "Working hours", "Hours booked", "Booked", "Appointments", "No-shows", "Late cancellations"]), rows)],
            notes: ["Working hours: each therapist's weekly hours at the location, breaks and time off taken out, on the location's clock (a day when the clocks change is an hour shorter or longer).",
                    "Hours booked: appointments booked, attended or not shown up for. A cancellation gives the time back.",
                    "No-show and late-cancellation rates are out of the appointments that were not cancelled in good time."],
            csv: (["therapist", "working_hours", "hours_booked", "booked_share", "appointments", "no_shows", "late_cancellations"],
                  report.rows.map { [$0.name, hours($0.scheduledMinutes), hours($0.bookedMinutes), Self.percent($0.bookedBasisPoints), "\($0.appointments)", "\($0.noShows)", "\($0.lateCancels)"] }))
    }

    private func compensation(_ choice: Choice) async throws -> Drawn {
        let report = try await services.reportService.compensation(from: choice.from, to: choice.to, locationId: choice.locationId)
        func rule(_ rule: CompensationRule?) -> String {
            guard let rule else { return "No rule set" }
            return rule.kind == .percent ? "\(Self.percent(rule.basisPoints)) of revenue" : "\(Self.cash(rule.centsPerVisit)) a visit"
        }
        let rows = report.rows.map { [Self.text($0.name), Self.text(rule($0.rule)), Self.number($0.visits), Self.money($0.netRevenueCents), Self.money($0.earnedCents)] }
        let earned = report.rows.map(\.earnedCents).reduce(0, +)
        let place = try await locationName(choice.locationId)
        return Drawn(
            heading: "Therapist pay", intro: "\(Self.longDate(report.from)) to \(Self.longDate(report.to)), \(place): what each therapist earned under their pay rule."
                + (report.rows.contains { $0.rule != nil } ? "" : " No pay rules are set yet, so everyone shows $0.00 earned: set them under Set pay rules."),
            figures: [.init(label: "Earned in all", value: Self.cash(earned)), .init(label: "Therapists", value: "\(report.rows.count)")],
            chart: ReportChart.shares(report.rows.map { .init(label: $0.name, value: $0.earnedCents, text: Self.cash($0.earnedCents)) },
                                      whole: max(1, report.rows.map(\.earnedCents).max() ?? 1), title: "Earned, by therapist"),
            chartCaption: "Earned, by therapist",
            tables: [Self.table("By therapist", Self.headers(["Therapist", "Pay rule", "Visits", "Revenue", "Earned"], numericFrom: 2), rows,
                                total: [Self.text("Total"), Self.text(""), Self.number(report.rows.map(\.visits).reduce(0, +)),
                                        Self.money(report.rows.map(\.netRevenueCents).reduce(0, +)), Self.money(earned)],
                                empty: "No therapist saw clients in this period.")],
            notes: ["Revenue: the therapist's visits and fees before HST, after refunds, as on the revenue report.",
                    "Visits: visits they saw, those paid from a package included.",
                    "A share of revenue is rounded to the cent. A therapist with no rule set earns nothing here: set one under Set pay rules."],
            csv: (["therapist", "pay_rule", "visits", "revenue", "earned"],
                  report.rows.map { [$0.name, rule($0.rule), "\($0.visits)", Self.cash($0.netRevenueCents), Self.cash($0.earnedCents)] }))
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    /// "on Toronto time" for "America/Toronto": the zone as a clinic names it.
    static func clockName(_ zone: String) -> String {
        guard let city = zone.split(separator: "/").last, zone.contains("/") else { return "on \(zone) time" }
        return "on \(city.replacingOccurrences(of: "_", with: " ")) time"
    }

    static func longDate(_ date: LocalDate) -> String { "\(monthNames[date.month - 1]) \(date.day), \(date.year)" }

    // MARK: Pay rules

    private func payRulesPage(_ context: AppRequestContext, saved: Bool, problem: (String, String)?) async throws -> Response {
        let rules = Dictionary(try await services.reportService.compensationRules().map { ($0.therapistId, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = try await Self.therapists(services).map { therapist -> PayRulesPage.Row in
            let rule = rules[therapist.id]
            let current = rule.map { $0.kind == .percent ? "now \(Self.percent($0.basisPoints)) of revenue" : "now \(Self.cash($0.centsPerVisit)) a visit" } ?? "no rule set yet"
            let error = problem?.0 == therapist.id ? problem!.1 : ""
            return PayRulesPage.Row(therapistId: therapist.id, name: therapist.name, current: current, percentChecked: rule?.kind != .perVisit,
                                    perVisitChecked: rule?.kind == .perVisit,
                                    percent: rule.map { $0.kind == .percent ? String(format: "%g", Double($0.basisPoints) / 100) : "" } ?? "",
                                    perVisit: rule.map { $0.kind == .perVisit ? Self.cash($0.centsPerVisit).replacingOccurrences(of: "$", with: "") : "" } ?? "",
                                    error: error, hasError: !error.isEmpty)
        }
        let page = PayRulesPage(chrome: context.chrome("Pay rules"), rows: rows, hasRows: !rows.isEmpty, saved: saved)
        return services.views.page("pay_rules", page, status: problem == nil ? .ok : .unprocessableContent)
    }
}
