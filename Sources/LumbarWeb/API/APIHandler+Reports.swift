import LumbarClinic
import LumbarCore

/// The reports over the API: the pages' figures, roles and audit rows (the end of day for the desk and the owner,
/// the rest for the owner alone).
extension APIHandler {
    static let reportsOwnerOnly = error("Only the owner sees this report.")

    func getEndOfDayReport(_ input: Operations.GetEndOfDayReport.Input) async throws -> Operations.GetEndOfDayReport.Output {
        let caller = try caller()
        guard caller.account.role == .owner || caller.account.role == .frontDesk else {
            return .forbidden(.init(body: .json(Self.error("Only the front desk and the owner see the day's takings."))))
        }
        var problems: [FieldProblem] = []
        let date = LocalDate(iso: input.query.date)
        if date == nil { problems.append(FieldProblem("date", "must be a date YYYY-MM-DD")) }
        if let problem = try await reportLocationProblem(input.query.locationId) { problems.append(problem) }
        guard let date, problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.problems(problems)))) }
        let day = try await services.reportService.endOfDay(date, locationId: input.query.locationId)
        try await audit(caller, .view, .account, client: nil, detail: "report: end-of-day (API)")
        func method(_ line: ReportService.EndOfDay.Method) -> Components.Schemas.EndOfDayMethod {
            .init(method: .init(rawValue: line.method.rawValue)!, inCents: line.inCents, payments: line.payments, creditKeptCents: line.creditKeptCents,
                  refundCents: line.refundCents, refunds: line.refunds, netCents: line.netCents)
        }
        return .ok(.init(body: .json(.init(date: day.date.description, timeZone: day.zone, till: day.till.map(method), prepaid: day.prepaid.map(method),
                                           tillNetCents: day.tillNetCents, owedCents: day.owedAtEndCents, owingInvoices: day.owingInvoices))))
    }

    func getRevenueReport(_ input: Operations.GetRevenueReport.Input) async throws -> Operations.GetRevenueReport.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.reportsOwnerOnly))) }
        let period = input.query.period.flatMap { ReportService.Period(rawValue: $0.rawValue) } ?? .month
        let span = try await reportSpan(input.query.from, input.query.to, period: period, locationId: input.query.locationId)
        guard case .success(let (from, to)) = span else { return .unprocessableContent(.init(body: .json(span.problems))) }
        let revenue = try await services.reportService.revenue(from: from, to: to, period: period, locationId: input.query.locationId)
        try await audit(owner, .view, .account, client: nil, detail: "report: revenue (API)")
        func line(_ line: ReportService.Line) -> Components.Schemas.ReportLine {
            .init(key: line.key, label: line.label, subtotalCents: line.subtotalCents, taxCents: line.taxCents, refundCents: line.refundCents,
                  netCents: line.netCents, invoices: line.invoices, packageVisits: line.packageVisits, visits: line.visits)
        }
        return .ok(.init(body: .json(.init(
            from: from.description, to: to.description, period: .init(rawValue: period.rawValue)!, timeZone: revenue.zone, series: revenue.series.map(line),
            byTherapist: revenue.byTherapist.map(line), byService: revenue.byService.map(line), byLocation: revenue.byLocation.map(line),
            total: line(revenue.total), giftCertificatesSoldCents: revenue.giftSoldCents, giftCertificatesSold: revenue.giftSoldCount))))
    }

    func getUtilizationReport(_ input: Operations.GetUtilizationReport.Input) async throws -> Operations.GetUtilizationReport.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.reportsOwnerOnly))) }
        let span = try await reportSpan(input.query.from, input.query.to, period: nil, locationId: input.query.locationId)
        guard case .success(let (from, to)) = span else { return .unprocessableContent(.init(body: .json(span.problems))) }
        let report = try await services.reportService.utilization(from: from, to: to, locationId: input.query.locationId)
        try await audit(owner, .view, .account, client: nil, detail: "report: utilization (API)")
        return .ok(.init(body: .json(.init(from: from.description, to: to.description, rows: report.rows.map {
            .init(therapistId: $0.therapistId, name: $0.name, scheduledMinutes: $0.scheduledMinutes, bookedMinutes: $0.bookedMinutes,
                  appointments: $0.appointments, noShows: $0.noShows, lateCancels: $0.lateCancels)
        }))))
    }

    func getCompensationReport(_ input: Operations.GetCompensationReport.Input) async throws -> Operations.GetCompensationReport.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.reportsOwnerOnly))) }
        let span = try await reportSpan(input.query.from, input.query.to, period: nil, locationId: input.query.locationId)
        guard case .success(let (from, to)) = span else { return .unprocessableContent(.init(body: .json(span.problems))) }
        let report = try await services.reportService.compensation(from: from, to: to, locationId: input.query.locationId)
        try await audit(owner, .view, .account, client: nil, detail: "report: compensation (API)")
        return .ok(.init(body: .json(.init(from: from.description, to: to.description, rows: report.rows.map { row in
            .init(therapistId: row.therapistId, name: row.name,
                  rule: row.rule.map { .init(kind: .init(rawValue: $0.kind.rawValue)!, basisPoints: $0.basisPoints, centsPerVisit: $0.centsPerVisit) },
                  netRevenueCents: row.netRevenueCents, visits: row.visits, earnedCents: row.earnedCents)
        }))))
    }

    /// The days asked for, or every problem with them (and with the location) named by its query parameter.
    private func reportSpan(_ fromText: String, _ toText: String, period: ReportService.Period?, locationId: String?) async throws -> ReportSpan {
        var problems: [FieldProblem] = []
        let from = LocalDate(iso: fromText), to = LocalDate(iso: toText)
        if from == nil { problems.append(FieldProblem("from", "must be a date YYYY-MM-DD")) }
        if to == nil { problems.append(FieldProblem("to", "must be a date YYYY-MM-DD")) }
        if let from, let to { problems += ReportService.spanProblems(from: from, to: to, period: period) }
        if let problem = try await reportLocationProblem(locationId) { problems.append(problem) }
        guard let from, let to, problems.isEmpty else { return .failure(Self.problems(problems)) }
        return .success((from, to))
    }

    private func reportLocationProblem(_ locationId: String?) async throws -> FieldProblem? {
        guard let locationId, try await services.scheduling.location(id: locationId) == nil else { return nil }
        return FieldProblem("locationId", "No such location.")
    }

    // MARK: Package plans

    func retirePackagePlan(_ input: Operations.RetirePackagePlan.Input) async throws -> Operations.RetirePackagePlan.Output {
        switch try await setPlanRetired(input.path.planId, true) {
        case .changed(let plan): .ok(.init(body: .json(plan)))
        case .forbidden(let body): .forbidden(.init(body: .json(body)))
        case .notFound(let body): .notFound(.init(body: .json(body)))
        }
    }

    func restorePackagePlan(_ input: Operations.RestorePackagePlan.Input) async throws -> Operations.RestorePackagePlan.Output {
        switch try await setPlanRetired(input.path.planId, false) {
        case .changed(let plan): .ok(.init(body: .json(plan)))
        case .forbidden(let body): .forbidden(.init(body: .json(body)))
        case .notFound(let body): .notFound(.init(body: .json(body)))
        }
    }

    private enum PlanChange {
        case changed(Components.Schemas.PackagePlan)
        case forbidden(Components.Schemas.ErrorBody)
        case notFound(Components.Schemas.ErrorBody)
    }

    /// Retires or restores a plan as the package page does: sold packages are untouched either way.
    private func setPlanRetired(_ planId: String, _ retired: Bool) async throws -> PlanChange {
        guard let owner = try owner() else { return .forbidden(Self.error("Only the owner may change the packages on offer.")) }
        guard var plan = try await services.billing.packagePlans().first(where: { $0.id == planId }) else { return .notFound(Self.error("No such package.")) }
        if plan.retired != retired {
            plan.retired = retired
            try await services.billing.save(plan)
            try await audit(owner, .change, .account, client: nil, detail: retired ? "package no longer sold (API)" : "package sold again (API)")
        }
        return .changed(Self.plan(plan))
    }
}

/// A report's days, or the JSON body naming what was wrong with them.
enum ReportSpan {
    case success((LocalDate, LocalDate))
    case failure(Components.Schemas.ErrorBody)

    var problems: Components.Schemas.ErrorBody {
        if case .failure(let body) = self { return body }
        return .init(error: "", problems: [])
    }
}
