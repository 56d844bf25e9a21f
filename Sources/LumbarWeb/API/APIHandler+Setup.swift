import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The clinic's set-up over the API for the owner's token: locations, services, staff, hours and time off, checked by
/// the same rules as the set-up pages and audited as they are.
extension APIHandler {
    static let ownerOnly = error("Only the owner may change the clinic's set-up.")

    /// The caller when it is the owner; nil for other staff (answered 403).
    func owner() throws -> APICaller? {
        let caller = try caller()
        return caller.account.role == .owner ? caller : nil
    }

    static func unprocessable(_ problems: [FieldProblem]) -> Components.Schemas.ErrorBody { self.problems(problems) }

    // MARK: Locations

    func createLocation(_ input: Operations.CreateLocation.Input) async throws -> Operations.CreateLocation.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (location, problems) = Self.location(body, existing: nil)
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        let added = try await services.scheduling.addLocation(name: location.name, address: location.address, timeZone: location.timeZone,
                                                              rooms: location.rooms.map(\.name), at: services.now)
        try await audit(owner, .change, .account, client: nil, detail: "location added (API)")
        return .created(.init(body: .json(Self.location(added))))
    }

    func updateLocation(_ input: Operations.UpdateLocation.Input) async throws -> Operations.UpdateLocation.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let existing = try await services.scheduling.location(id: input.path.locationId) else { return .notFound(.init(body: .json(Self.noLocation))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (location, problems) = Self.location(body, existing: existing)
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        guard let saved = try await services.scheduling.updateLocation(location, at: services.now) else { return .notFound(.init(body: .json(Self.noLocation))) }
        try await audit(owner, .change, .account, client: nil, detail: "location \(saved.id) changed (API)")
        return .ok(.init(body: .json(Self.location(saved))))
    }

    func retireLocation(_ input: Operations.RetireLocation.Input) async throws -> Operations.RetireLocation.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let location = try await setLocation(input.path.locationId, retired: true, by: owner) else { return .notFound(.init(body: .json(Self.noLocation))) }
        return .ok(.init(body: .json(location)))
    }

    func restoreLocation(_ input: Operations.RestoreLocation.Input) async throws -> Operations.RestoreLocation.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let location = try await setLocation(input.path.locationId, retired: false, by: owner) else { return .notFound(.init(body: .json(Self.noLocation))) }
        return .ok(.init(body: .json(location)))
    }

    private func setLocation(_ id: String, retired: Bool, by owner: APICaller) async throws -> Components.Schemas.Location? {
        guard try await services.scheduling.setLocationRetired(id: id, retired, at: services.now),
              let location = try await services.scheduling.location(id: id) else { return nil }
        try await audit(owner, .change, .account, client: nil, detail: "location \(id) \(retired ? "retired" : "restored") (API)")
        return Self.location(location)
    }

    static let noLocation = error("No such location.")

    /// The location a body describes, checked by `Location.problems` as the page checks it, each problem named by its
    /// JSON path. A room's id must be one of this location's rooms; none is allowed on a new location.
    static func location(_ body: Components.Schemas.LocationInput, existing: Location?) -> (Location, [FieldProblem]) {
        var problems: [FieldProblem] = []
        let known = Set(existing?.rooms.map(\.id) ?? [])
        for (index, room) in body.rooms.enumerated() {
            guard let id = room.id, !known.contains(id) else { continue }
            problems.append(FieldProblem("rooms.\(index).id", existing == nil ? "is for an existing room; a new location's rooms have none" : "is not a room of this location"))
        }
        // Each room is checked under a stand-in id naming its place in the list, so a problem names that room.
        let checked = Location(id: existing?.id ?? "", name: body.name.trimmed, address: body.address.trimmed, timeZone: body.timeZone.trimmed,
                               rooms: body.rooms.enumerated().map { .init(id: "#\($0)", name: $1.name.trimmed) })
        problems += checked.problems(isTimeZone: ZoneList.isKnown).map { problem in
            guard problem.field.hasPrefix("room-#") else { return problem }
            return FieldProblem("rooms.\(problem.field.dropFirst("room-#".count)).name", problem.message)
        }
        var location = checked
        location.rooms = body.rooms.map { .init(id: $0.id ?? "", name: $0.name.trimmed) }
        return (location, problems)
    }

    static func location(_ location: Location) -> Components.Schemas.Location {
        .init(id: location.id, name: location.name, address: location.address, timeZone: location.timeZone,
              rooms: location.rooms.map { .init(id: $0.id, name: $0.name) }, retired: location.retired)
    }

    // MARK: Services

    func createService(_ input: Operations.CreateService.Input) async throws -> Operations.CreateService.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let service = Self.bookable(body)
        let problems = Self.apiFields(service.problems() + (service.nameClash(among: try await services.scheduling.services()).map { [$0] } ?? []))
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        let added = try await services.scheduling.addService(service)
        try await audit(owner, .change, .account, client: nil, detail: "service added (API)")
        return .created(.init(body: .json(Self.service(added))))
    }

    func updateService(_ input: Operations.UpdateService.Input) async throws -> Operations.UpdateService.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let existing = try await services.scheduling.service(id: input.path.serviceId) else { return .notFound(.init(body: .json(Self.noService))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let service = Self.bookable(body, id: existing.id)
        let problems = Self.apiFields(service.problems() + (service.nameClash(among: try await services.scheduling.services()).map { [$0] } ?? []))
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        guard try await services.scheduling.updateService(service), let saved = try await services.scheduling.service(id: existing.id) else {
            return .notFound(.init(body: .json(Self.noService)))
        }
        try await audit(owner, .change, .account, client: nil, detail: "service \(saved.id) changed (API)")
        return .ok(.init(body: .json(Self.service(saved))))
    }

    func retireService(_ input: Operations.RetireService.Input) async throws -> Operations.RetireService.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let service = try await setService(input.path.serviceId, retired: true, by: owner) else { return .notFound(.init(body: .json(Self.noService))) }
        return .ok(.init(body: .json(service)))
    }

    func restoreService(_ input: Operations.RestoreService.Input) async throws -> Operations.RestoreService.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let service = try await setService(input.path.serviceId, retired: false, by: owner) else { return .notFound(.init(body: .json(Self.noService))) }
        return .ok(.init(body: .json(service)))
    }

    private func setService(_ id: String, retired: Bool, by owner: APICaller) async throws -> Components.Schemas.Service? {
        guard try await services.scheduling.setServiceRetired(id: id, retired, at: services.now),
              let service = try await services.scheduling.service(id: id) else { return nil }
        try await audit(owner, .change, .account, client: nil, detail: "service \(id) \(retired ? "retired" : "restored") (API)")
        return Self.service(service)
    }

    static let noService = error("No such service.")

    static func bookable(_ body: Components.Schemas.ServiceInput, id: String = "") -> BookableService {
        BookableService(id: id, name: body.name.trimmed, minutes: body.minutes, bufferMinutes: body.bufferMinutes, priceCents: body.priceCents,
                        taxBasisPoints: body.taxBasisPoints, bookableOnline: body.bookableOnline,
                        audience: BookableService.Audience(rawValue: body.audience.rawValue) ?? .any)
    }

    static func service(_ service: BookableService) -> Components.Schemas.Service {
        .init(id: service.id, name: service.name, minutes: service.minutes, bufferMinutes: service.bufferMinutes, priceCents: service.priceCents,
              taxBasisPoints: service.taxBasisPoints, bookableOnline: service.bookableOnline, audience: .init(rawValue: service.audience.rawValue)!,
              retired: service.retired)
    }

    /// `BookableService.problems()` names the page's fields (a price in dollars, tax in percent); the API takes cents
    /// and basis points, so those two are renamed and said in the API's units.
    static func apiFields(_ problems: [FieldProblem]) -> [FieldProblem] {
        problems.map { problem in
            switch problem.field {
            case "price": FieldProblem("priceCents", "must be a price in cents, e.g. 12000 for $120.00 (\(problem.message))")
            case "taxPercent": FieldProblem("taxBasisPoints", "must be the tax in hundredths of a percent, e.g. 1300 for 13%")
            default: problem
            }
        }
    }

    // MARK: Staff

    func listStaff(_ input: Operations.ListStaff.Input) async throws -> Operations.ListStaff.Output {
        guard try owner() != nil else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        return .ok(.init(body: .json(.init(staff: try await services.accounts.staff().map(Self.staffMember)))))
    }

    static let noStaff = error("No such therapist or front-desk person (the owner's own account is changed from My account).")

    /// A staff member the owner may change: therapists and front desk, as on the staff page.
    private func member(_ id: String) async throws -> Account? {
        guard let person = try await services.accounts.find(id: id), person.role == .therapist || person.role == .frontDesk else { return nil }
        return person
    }

    private static func draft(_ body: Components.Schemas.StaffInput, password: String) -> AccountDraft {
        AccountDraft(email: body.email, name: body.name, role: body.role == .therapist ? .therapist : .frontDesk,
                     collegeRegistration: body.collegeRegistration, password: password)
    }

    func inviteStaff(_ input: Operations.InviteStaff.Input) async throws -> Operations.InviteStaff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let secret = Secrets.token()
        let draft = Self.draft(body, password: secret)
        var problems = draft.problems()
        if problems.isEmpty {
            do {
                // As on the staff page: the stored hash is of a secret nobody keeps; the person chooses a password from the link.
                let account = try await services.accounts.invite(draft, passwordHash: try await services.hasher.hash(secret), at: services.now)
                try await ResetLinks(services: services).invite(account, clinicName: try await services.clinic.profile()?.name ?? "the clinic",
                                                                invitedBy: owner.account.name)
                try await audit(owner, .create, .account, client: nil, detail: "staff account \(account.id) invited (API)")
                return .created(.init(body: .json(Self.staffMember(try await services.accounts.find(id: account.id) ?? account))))
            } catch StorageError.conflict(let message) {
                problems.append(FieldProblem("email", message))
            }
        }
        return .unprocessableContent(.init(body: .json(Self.unprocessable(problems))))
    }

    func updateStaff(_ input: Operations.UpdateStaff.Input) async throws -> Operations.UpdateStaff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let person = try await member(input.path.staffId) else { return .notFound(.init(body: .json(Self.noStaff))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let draft = Self.draft(body, password: "")
        var problems = draft.problems().filter { $0.field != "password" }
        if problems.isEmpty {
            do {
                guard try await services.accounts.update(id: person.id, email: draft.email, name: draft.name, role: draft.role,
                                                         collegeRegistration: draft.collegeRegistration),
                      let saved = try await services.accounts.find(id: person.id) else { return .notFound(.init(body: .json(Self.noStaff))) }
                try await audit(owner, .change, .account, client: nil, detail: "staff account \(person.id) changed (API)")
                return .ok(.init(body: .json(Self.staffMember(saved))))
            } catch StorageError.conflict(let message) {
                problems.append(FieldProblem("email", message))
            }
        }
        return .unprocessableContent(.init(body: .json(Self.unprocessable(problems))))
    }

    func retireStaff(_ input: Operations.RetireStaff.Input) async throws -> Operations.RetireStaff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let person = try await setStaff(input.path.staffId, retired: true, by: owner) else { return .notFound(.init(body: .json(Self.noStaff))) }
        return .ok(.init(body: .json(person)))
    }

    func restoreStaff(_ input: Operations.RestoreStaff.Input) async throws -> Operations.RestoreStaff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let person = try await setStaff(input.path.staffId, retired: false, by: owner) else { return .notFound(.init(body: .json(Self.noStaff))) }
        return .ok(.init(body: .json(person)))
    }

    private func setStaff(_ id: String, retired: Bool, by owner: APICaller) async throws -> Components.Schemas.StaffMember? {
        guard let person = try await member(id), try await services.accounts.setRetired(id: person.id, retired, at: services.now),
              let saved = try await services.accounts.find(id: person.id) else { return nil }
        try await audit(owner, .change, .account, client: nil, detail: "staff account \(person.id) \(retired ? "retired" : "restored") (API)")
        return Self.staffMember(saved)
    }

    static func staffMember(_ account: Account) -> Components.Schemas.StaffMember {
        .init(id: account.id, name: account.name, email: account.email, role: .init(rawValue: account.role.rawValue) ?? .therapist,
              collegeRegistration: account.collegeRegistration, retired: !account.active, invitationPending: account.invitationPending)
    }

    // MARK: Hours

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The therapist and location a path names, or why not (404).
    private func therapistAndLocation(_ staffId: String, _ locationId: String) async throws -> (Account, Location)? {
        guard let therapist = try await services.accounts.find(id: staffId), therapist.role == .therapist,
              let location = try await services.scheduling.location(id: locationId) else { return nil }
        return (therapist, location)
    }

    func getHours(_ input: Operations.GetHours.Input) async throws -> Operations.GetHours.Output {
        guard try owner() != nil else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let (therapist, location) = try await therapistAndLocation(input.path.staffId, input.path.locationId) else {
            return .notFound(.init(body: .json(Self.error("No such therapist or location."))))
        }
        return .ok(.init(body: .json(Self.week(try await hours(of: therapist, at: location)))))
    }

    func setHours(_ input: Operations.SetHours.Input) async throws -> Operations.SetHours.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard let (therapist, location) = try await therapistAndLocation(input.path.staffId, input.path.locationId) else {
            return .notFound(.init(body: .json(Self.error("No such therapist or location."))))
        }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (hours, problems) = Self.weeklyHours(body)
        guard let hours, problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        try await services.scheduling.setHours(therapistId: therapist.id, locationId: location.id, hours)
        try await audit(owner, .change, .account, client: nil, detail: "working hours set for \(therapist.id) (API)")
        return .ok(.init(body: .json(Self.week(try await self.hours(of: therapist, at: location)))))
    }

    private func hours(of therapist: Account, at location: Location) async throws -> WeeklyHours {
        let now = services.now
        return try await services.scheduling.hours(locationId: location.id, window: TimeRange(start: now, end: now))[therapist.id] ?? WeeklyHours()
    }

    static func week(_ hours: WeeklyHours) -> Components.Schemas.WeekHours {
        func day(_ index: Int) -> Components.Schemas.DayHours {
            func spans(_ list: [WeeklyHours.Span]) -> [Components.Schemas.TimeSpan] {
                list.sorted { $0.start < $1.start }.map { .init(start: $0.start.description, end: $0.end.description) }
            }
            return .init(shifts: spans(hours.days[index]), breaks: spans(hours.breaks[index]))
        }
        return .init(monday: day(0), tuesday: day(1), wednesday: day(2), thursday: day(3), friday: day(4), saturday: day(5), sunday: day(6))
    }

    /// The week a body describes, or the problems with it, each named by its JSON path (`monday.shifts.0.end`): the
    /// times read here, then the week's rules in `WeekGrid`, the same the hours page applies.
    static func weeklyHours(_ body: Components.Schemas.WeekHours) -> (WeeklyHours?, [FieldProblem]) {
        let days = [body.monday, body.tuesday, body.wednesday, body.thursday, body.friday, body.saturday, body.sunday]
        var problems: [FieldProblem] = []
        /// The spans read, each with its place in the body's list, ordered by start as `WeekGrid` counts them.
        func spans(_ list: [Components.Schemas.TimeSpan], _ path: String) -> [(index: Int, span: WeeklyHours.Span)] {
            list.enumerated().compactMap { index, span -> (Int, WeeklyHours.Span)? in
                let start = WallTime(span.start), end = WallTime(span.end)
                if start == nil { problems.append(FieldProblem("\(path).\(index).start", "must be a time like 09:00")) }
                if end == nil { problems.append(FieldProblem("\(path).\(index).end", "must be a time like 17:00")) }
                guard let start, let end else { return nil }
                guard let made = WeeklyHours.Span(start: start, end: end) else {
                    problems.append(FieldProblem("\(path).\(index).end", "must be after the start (\(start))")); return nil
                }
                return (index, made)
            }.sorted { $0.1.start < $1.1.start }
        }
        let shifts = days.enumerated().map { spans($1.shifts, "\(weekdays[$0]).shifts") }
        let breaks = days.enumerated().map { spans($1.breaks, "\(weekdays[$0]).breaks") }
        guard problems.isEmpty else { return (nil, problems) }
        let hours = WeeklyHours(days: shifts.map { $0.map(\.span) }, breaks: breaks.map { $0.map(\.span) })
        problems = WeekGrid.problems(hours).map { problem in
            guard let match = problem.field.wholeMatch(of: /d([0-6])(s|b)([0-9]*)(start|end)/), let day = Int(match.1) else { return problem }
            let list = match.2 == "s" ? shifts[day] : breaks[day]
            let position = (Int(match.3) ?? 1) - 1
            guard list.indices.contains(position) else { return problem }
            return FieldProblem("\(weekdays[day]).\(match.2 == "s" ? "shifts" : "breaks").\(list[position].index).\(match.4)", problem.message)
        }
        return problems.isEmpty ? (hours, []) : (nil, problems)
    }

    // MARK: Time off

    private func clinicRFC() async throws -> RFC3339 { RFC3339(zone: try await services.clinicTime().rules.identifier) }

    static func timeOff(_ entry: TimeOff, _ rfc: RFC3339) -> Components.Schemas.TimeOff {
        .init(id: entry.id, therapistId: entry.therapistId, start: rfc.format(entry.range.start), end: rfc.format(entry.range.end), note: entry.note)
    }

    func listTimeOff(_ input: Operations.ListTimeOff.Input) async throws -> Operations.ListTimeOff.Output {
        guard try owner() != nil else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        let rfc = try await clinicRFC()
        return .ok(.init(body: .json(.init(timeOff: try await services.scheduling.timeOff(endingAfter: services.now).map { Self.timeOff($0, rfc) }))))
    }

    /// The therapist, span and note a body gives, checked as the time-off form checks them.
    private func timeOffInput(_ body: Components.Schemas.TimeOffInput) async throws -> (TimeRange?, [FieldProblem]) {
        var problems: [FieldProblem] = []
        if try await services.accounts.find(id: body.therapistId)?.role != .therapist { problems.append(FieldProblem("therapistId", "must be a therapist's id")) }
        let start = RFC3339.parse(body.start), end = RFC3339.parse(body.end)
        if start == nil { problems.append(FieldProblem("start", "must be RFC 3339 with an offset, e.g. 2026-12-24T00:00:00-05:00")) }
        if end == nil { problems.append(FieldProblem("end", "must be RFC 3339 with an offset, e.g. 2026-12-27T00:00:00-05:00")) }
        if let start, let end {
            switch TimeOff.problem(start: start, end: end, now: services.now) {
            case .endsBeforeStart?: problems.append(FieldProblem("end", "must be after the start"))
            case .alreadyOver?: problems.append(FieldProblem("end", "is already past: enter time off from now onwards"))
            case nil: break
            }
        }
        if let tooLong = FieldLimit.short.problem("note", body.note ?? "") { problems.append(tooLong) }
        guard problems.isEmpty, let start, let end else { return (nil, problems) }
        return (TimeRange(start: start, end: end), [])
    }

    func createTimeOff(_ input: Operations.CreateTimeOff.Input) async throws -> Operations.CreateTimeOff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (range, problems) = try await timeOffInput(body)
        guard let range else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        let entry = try await services.scheduling.addTimeOff(therapistId: body.therapistId, range, note: (body.note ?? "").trimmed,
                                                             audit: auditEntry(owner, .change, .account, client: nil, detail: "time off added for \(body.therapistId) (API)"))
        return .created(.init(body: .json(Self.timeOff(entry, try await clinicRFC()))))
    }

    func updateTimeOff(_ input: Operations.UpdateTimeOff.Input) async throws -> Operations.UpdateTimeOff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        let missing = Operations.UpdateTimeOff.Output.notFound(.init(body: .json(Self.error("No such time off."))))
        guard let entry = try await services.scheduling.timeOff(id: input.path.timeOffId) else { return missing }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (range, problems) = try await timeOffInput(body)
        guard let range else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        guard try await services.scheduling.updateTimeOff(
            id: entry.id, therapistId: body.therapistId, range, note: (body.note ?? "").trimmed,
            audit: auditEntry(owner, .change, .account, client: nil, detail: "time off changed for \(body.therapistId) (API)")),
              let saved = try await services.scheduling.timeOff(id: entry.id) else { return missing }
        return .ok(.init(body: .json(Self.timeOff(saved, try await clinicRFC()))))
    }

    func removeTimeOff(_ input: Operations.RemoveTimeOff.Input) async throws -> Operations.RemoveTimeOff.Output {
        guard let owner = try owner() else { return .forbidden(.init(body: .json(Self.ownerOnly))) }
        let missing = Operations.RemoveTimeOff.Output.notFound(.init(body: .json(Self.error("No such time off."))))
        guard let entry = try await services.scheduling.timeOff(id: input.path.timeOffId) else { return missing }
        let removed = try await services.scheduling.removeTimeOff(
            id: entry.id, by: owner.account.id, audit: auditEntry(owner, .change, .account, client: nil, detail: "time off removed for \(entry.therapistId) (API)"),
            at: services.now)
        return removed ? .noContent(.init()) : missing
    }
}
