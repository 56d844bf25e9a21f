import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Locations, services, availability and bookings over the API, in RFC 3339 with the location's offset.
extension APIHandler {
    var booking: BookingService { BookingService(services: services) }

    func listLocations(_ input: Operations.ListLocations.Input) async throws -> Operations.ListLocations.Output {
        _ = try caller()
        let scheduling = services.scheduling
        let locations = try await (input.query.includeRetired == true ? scheduling.allLocations() : scheduling.locations()).map(Self.location)
        return .ok(.init(body: .json(.init(locations: locations))))
    }

    func listServices(_ input: Operations.ListServices.Input) async throws -> Operations.ListServices.Output {
        _ = try caller()
        let scheduling = services.scheduling
        let list = try await (input.query.includeRetired == true ? scheduling.allServices() : scheduling.services()).map(Self.service)
        return .ok(.init(body: .json(.init(services: list))))
    }

    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        _ = try caller()
        let query = input.query
        var problems: [FieldProblem] = []
        let from = LocalDate(iso: query.from), to = LocalDate(iso: query.to)
        if from == nil { problems.append(FieldProblem("from", "must be a date YYYY-MM-DD")) }
        if to == nil { problems.append(FieldProblem("to", "must be a date YYYY-MM-DD")) }
        guard let from, let to, problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.problems(problems)))) }
        do {
            let (context, slots) = try await booking.slots(serviceId: query.serviceId, locationId: query.locationId, therapistId: query.therapistId,
                                                           from: from, through: to, channel: .staff)
            let rfc = RFC3339(zone: context.zone.identifier)
            return .ok(.init(body: .json(.init(timeZone: context.location.timeZone, slots: slots.map {
                .init(start: rfc.format($0.start), end: rfc.format($0.end), therapistId: $0.therapistId, roomId: $0.roomId)
            }))))
        } catch let failure as BookingService.Failure {
            switch Self.classify(failure) {
            case .notFound(let body): return .notFound(.init(body: .json(body)))
            case .unprocessable(let body), .conflict(let body): return .unprocessableContent(.init(body: .json(body)))
            }
        }
    }

    func createAppointment(_ input: Operations.CreateAppointment.Input) async throws -> Operations.CreateAppointment.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        guard let start = RFC3339.parse(body.start) else {
            return .unprocessableContent(.init(body: .json(Self.error("must be RFC 3339 with an offset, e.g. 2026-11-25T10:00:00-05:00", field: "start"))))
        }
        let weeks = body.weeks ?? 1
        guard (1...26).contains(weeks) else { return .unprocessableContent(.init(body: .json(Self.error("must be 1-26", field: "weeks")))) }
        let starts = (0..<weeks).map { week -> Instant in start.adding(seconds: Int64(week) * 7 * 86_400) }
        do {
            // Weekly means the same wall-clock time each week, even across a daylight-saving change.
            let context = try await booking.context(serviceId: body.serviceId, locationId: body.locationId, therapistId: body.therapistId, channel: .staff)
            let local = context.zone.local(start)
            let wallStarts = (0..<weeks).compactMap { context.zone.instant(LocalDateTime(local.date.adding(days: 7 * $0), local.time)) }
            let booked = try await booking.book(clientId: body.clientId, serviceId: body.serviceId, locationId: body.locationId, therapistId: body.therapistId,
                                                starts: wallStarts.count == weeks ? wallStarts : starts, bookedBy: caller.account, channel: .staff,
                                                audit: auditEntry(caller, .create, .appointment, client: body.clientId, detail: "API booking, \(weeks) appointment(s)"))
            let rfc = RFC3339(zone: context.zone.identifier)
            return .created(.init(body: .json(.init(appointments: booked.map { Self.appointment($0, rfc) }))))
        } catch let failure as BookingService.Failure {
            switch Self.classify(failure) {
            case .notFound(let body): return .notFound(.init(body: .json(body)))
            case .unprocessable(let body): return .unprocessableContent(.init(body: .json(body)))
            case .conflict(var body):
                body.slots = try await freshSlots(serviceId: bookingRequest(input)?.serviceId, locationId: bookingRequest(input)?.locationId, around: start)
                return .conflict(.init(body: .json(body)))
            }
        }
    }

    private func bookingRequest(_ input: Operations.CreateAppointment.Input) -> Components.Schemas.BookingRequest? {
        if case .json(let body) = input.body { return body }
        return nil
    }

    /// The day's remaining times, for the loser of a race.
    private func freshSlots(serviceId: String?, locationId: String?, around start: Instant) async throws -> [Components.Schemas.Slot]? {
        guard let serviceId, let locationId, let location = try await services.scheduling.location(id: locationId),
              let zone = FoundationZone(identifier: location.timeZone) else { return nil }
        let day = zone.local(start).date
        guard let (_, slots) = try? await booking.slots(serviceId: serviceId, locationId: locationId, therapistId: nil, from: day, through: day, channel: .staff)
        else { return nil }
        let rfc = RFC3339(zone: location.timeZone)
        return slots.map { .init(start: rfc.format($0.start), end: rfc.format($0.end), therapistId: $0.therapistId, roomId: $0.roomId) }
    }

    func rescheduleAppointment(_ input: Operations.RescheduleAppointment.Input) async throws -> Operations.RescheduleAppointment.Output {
        let caller = try caller()
        guard let appointment = try await services.appointments.find(id: input.path.appointmentId) else {
            return .notFound(.init(body: .json(Self.error("No such appointment."))))
        }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        guard let start = RFC3339.parse(body.start) else {
            return .unprocessableContent(.init(body: .json(Self.error("must be RFC 3339 with an offset", field: "start"))))
        }
        do {
            let moved = try await booking.reschedule(appointment, to: start, therapistId: body.therapistId, channel: .staff)
            try await audit(caller, .change, .appointment, client: moved.clientId, detail: "API reschedule")
            return .ok(.init(body: .json(Self.appointment(moved, try await rfc(for: moved)))))
        } catch let failure as BookingService.Failure {
            switch Self.classify(failure) {
            case .notFound(let body): return .notFound(.init(body: .json(body)))
            case .unprocessable(let body): return .unprocessableContent(.init(body: .json(body)))
            case .conflict(let body): return .conflict(.init(body: .json(body)))
            }
        }
    }

    func cancelAppointment(_ input: Operations.CancelAppointment.Input) async throws -> Operations.CancelAppointment.Output {
        let caller = try caller()
        guard let appointment = try await services.appointments.find(id: input.path.appointmentId) else {
            return .notFound(.init(body: .json(Self.error("No such appointment."))))
        }
        do {
            let cancelled = try await booking.cancel(appointment, by: caller.account)
            try await services.invoiceAfterChange(appointmentId: cancelled.id, by: caller.account, address: caller.address)
            try await audit(caller, .change, .appointment, client: cancelled.clientId, detail: "API cancel")
            return .ok(.init(body: .json(Self.appointment(cancelled, try await rfc(for: cancelled)))))
        } catch BookingService.Failure.invalid(let problems) {
            return .unprocessableContent(.init(body: .json(Self.problems(problems))))
        }
    }

    /// How a booking failure is answered: 404 for a missing record, 409 when a single time is already taken, 422 otherwise.
    /// A refused time names its cause as a reason code beside the sentence.
    enum FailureAnswer {
        case notFound(Components.Schemas.ErrorBody)
        case unprocessable(Components.Schemas.ErrorBody)
        case conflict(Components.Schemas.ErrorBody)
    }

    static func classify(_ failure: BookingService.Failure) -> FailureAnswer {
        switch failure {
        case .notFound(let field): return .notFound(error("No such record for \(field).", field: field))
        case .invalid(let problems): return .unprocessable(Self.problems(problems))
        case .refused(let refusal):
            let body = refused([refusal], error: refusal.message)
            return refusal.reason.isTaken ? .conflict(body) : .unprocessable(body)
        case .seriesRefused(let refusals):
            return .unprocessable(refused(refusals, error: "Nothing was booked: \(refusals.count) of the weekly times cannot be booked."))
        case .blocked(let text): return .unprocessable(error(text, field: "clientId"))
        }
    }

    static func refused(_ refusals: [BookingService.Refusal], error: String) -> Components.Schemas.ErrorBody {
        .init(error: error, problems: refusals.map {
            .init(field: "start", message: $0.message, reason: Components.Schemas.RefusalReason(rawValue: $0.reason.rawValue))
        })
    }

    private func rfc(for appointment: Appointment) async throws -> RFC3339 {
        RFC3339(zone: try await services.scheduling.location(id: appointment.locationId)?.timeZone ?? "UTC")
    }

    static func appointment(_ appointment: Appointment, _ rfc: RFC3339) -> Components.Schemas.Appointment {
        .init(id: appointment.id, clientId: appointment.clientId, therapistId: appointment.therapistId, locationId: appointment.locationId,
              roomId: appointment.roomId, serviceId: appointment.serviceId, start: rfc.format(appointment.start), end: rfc.format(appointment.end),
              status: .init(rawValue: appointment.status.rawValue)!, feeCents: appointment.feeCents, seriesId: appointment.seriesId)
    }

    static func problems(_ problems: [FieldProblem]) -> Components.Schemas.ErrorBody {
        .init(error: "Some of the request cannot be used.", problems: problems.map { .init(field: $0.field, message: $0.message) })
    }

    static func error(_ message: String, field: String) -> Components.Schemas.ErrorBody {
        .init(error: message, problems: [.init(field: field, message: message)])
    }
}
