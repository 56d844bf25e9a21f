import Hummingbird
import LumbarClinic
import LumbarCore

/// What the front desk does from Today: mark a client arrived, and record that tomorrow's client confirmed.
/// Each goes back to Today saying what it did.
struct TodayRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.post("/today/appointments/:id/arrived") { _, context -> Response in
            let account = try context.staff()
            let appointment = try await booked(context)
            let (zone, _) = try await TodayService(services: services).today()
            if let refusal = Attendance.refusal(.arrived, appointment, now: services.now, zone: zone) { throw PageError.badForm(refusal) }
            try await services.appointments.setStatus(id: appointment.id, .arrived, at: services.now)
            try await services.invoiceAfterChange(appointmentId: appointment.id, by: account, address: context.address)
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "marked arrived from today")
            return .seeOther("/?done=arrived")
        }
        router.post("/today/appointments/:id/confirmed") { _, context -> Response in
            let account = try context.staff()
            let appointment = try await booked(context)
            try await TodayService(services: services).confirm(appointment, audit: services.auditEntry(
                account, context, .change, .appointment, client: appointment.clientId, detail: "confirmed by the client"))
            return .seeOther("/?done=confirmed")
        }
    }

    /// The appointment in the path, still booked (a second tap, or someone else's, finds it already done).
    private func booked(_ context: AppRequestContext) async throws -> Appointment {
        guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")) else { throw PageError.notFound }
        guard appointment.status == .booked else { throw PageError.badForm("This visit is no longer booked: it was already marked or cancelled.") }
        return appointment
    }
}
