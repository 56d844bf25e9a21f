import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The client's own portal, `/me`, written for clients on a phone: their next appointments (change, cancel after a
/// question, add to a calendar), booking again, their forms, the home program, receipts and their record.
struct PortalRoutes {
    let services: AppServices
    var booking: BookingService { BookingService(services: services) }

    static let notices: [(String, String)] = [
        ("booked", "You're booked. A confirmation is on its way to your email."),
        ("moved", "Your appointment has moved. An updated invitation is on its way to your email."),
        ("cancelled", "Your appointment is cancelled."),
        ("waitlist", "You're on the waitlist. We'll email you if an earlier time opens."),
        ("withdrawn", "Your consent is withdrawn. Your therapist will see this before your next treatment."),
        ("questionnaire", "Thank you. Your answers are saved for your therapist."),
        ("package", "Your package is on your account. Pay for it at the clinic at your next visit; its visits can be used once it is paid."),
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/me") { request, context -> Response in
            let (account, client) = try await me(context)
            let query = FormData(encoded: request.uri.query ?? "")
            var chrome = context.chrome("My appointments and record")
            chrome.notice = Self.notices.first { query.has($0.0) }?.1
            let (page, viewed) = try await PortalView(services: services).page(client, chrome: chrome, account: account, context: context)
            try await services.audit.append(viewed)
            return services.views.page("portal", page)
        }
        router.get("/me/packages/:plan") { _, context -> Response in
            _ = try await me(context)
            let plan = try await offered(context)
            let service = try await services.scheduling.service(id: plan.serviceId)
            let tax = Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints)
            let page = PortalPackagePage(
                chrome: context.chrome("Buy \(plan.name)?"), heading: "Buy \(plan.name)?",
                points: [.init(text: "\(plan.visits) visits of \(service?.name ?? "the service"), with any therapist who offers it."),
                         .init(text: tax > 0 ? "\(Money.text(plan.priceCents + tax)), including \(Money.text(tax)) tax." : "\(Money.text(plan.priceCents))."),
                         .init(text: "Use them within \(plan.validDays) days of buying."),
                         .init(text: "You pay at the clinic, at your next visit. The visits can be used once it is paid.")],
                action: "/me/packages/\(plan.id)")
            return services.views.page("portal_package", page)
        }
        router.post("/me/packages/:plan") { _, context -> Response in
            let (account, client) = try await me(context)
            let plan = try await offered(context)
            try await services.ledger.sellPackage(planId: plan.id, to: client.id, locationId: try await services.usualLocation(clientId: client.id),
                                                  by: .init(account: account, address: context.address))
            return .seeOther("/me?package=1")
        }
        router.get("/me/appointments/:id/cancel") { _, context -> Response in
            let (account, appointment) = try await ownAppointment(context)
            guard appointment.status == .booked, appointment.start > services.now else { return .seeOther("/me") }
            try await services.audit(account, context, .view, .appointment, client: appointment.clientId, detail: "cancel question")
            return services.views.page("portal_cancel", try await cancelPage(appointment, context: context))
        }
        router.post("/me/appointments/:id/cancel") { _, context -> Response in
            let (account, appointment) = try await ownAppointment(context)
            guard appointment.status == .booked, appointment.start > services.now else {
                throw PageError.badForm("This appointment can no longer be cancelled online. Please call the clinic.")
            }
            // Inside the window the cancellation is late and carries the fee, which the question page said before this.
            _ = try await booking.cancel(appointment, by: account)
            try await services.invoiceAfterChange(appointmentId: appointment.id, by: account, address: context.address)
            try await services.audit(account, context, .change, .appointment, client: appointment.clientId, detail: "cancelled online")
            return .seeOther("/me?cancelled=1")
        }
        router.get("/me/appointments/:id/calendar.ics") { _, context -> Response in
            let (account, appointment) = try await ownAppointment(context)
            let bookingContext = try await booking.context(serviceId: appointment.serviceId, locationId: appointment.locationId, therapistId: nil, channel: .staff)
            try await services.audit(account, context, .export, .appointment, client: appointment.clientId, detail: "calendar file")
            let text = CalendarEvent.calendar([booking.event(appointment, context: bookingContext, cancelled: !appointment.status.holdsTime)], method: "PUBLISH")
            return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "attachment; filename=\"appointment.ics\""],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    private func cancelPage(_ appointment: Appointment, context: AppRequestContext) async throws -> PortalCancelPage {
        let bookingContext = try await booking.context(serviceId: appointment.serviceId, locationId: appointment.locationId, therapistId: nil, channel: .staff)
        let rules = bookingContext.rules
        let late = rules.isLateCancellation(start: appointment.start, now: services.now)
        let local = bookingContext.zone.local(appointment.start)
        return PortalCancelPage(
            chrome: context.chrome("Cancel this appointment?"), id: appointment.id,
            when: "\(SpokenTime.day(local.date, today: bookingContext.zone.local(services.now).date)) at \(SpokenTime.time(local.time))",
            service: bookingContext.service.name, therapist: bookingContext.therapists.first { $0.id == appointment.therapistId }?.name ?? "your therapist",
            place: bookingContext.location.name, windowHours: rules.cancellationWindowHours, late: late,
            fee: late && rules.lateCancellationFeeCents > 0 ? Money.text(rules.lateCancellationFeeCents) : nil)
    }

    /// A package the clinic still sells, from the path.
    private func offered(_ context: AppRequestContext) async throws -> PackagePlan {
        let id = try context.parameters.require("plan")
        guard let plan = try await services.billing.packagePlans().first(where: { $0.id == id && !$0.retired }) else { throw PageError.notFound }
        return plan
    }

    private func me(_ context: AppRequestContext) async throws -> (Account, Client) {
        let account = try context.signedIn()
        guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
        return (account, client)
    }

    /// The signed-in client's own appointment, or 404.
    private func ownAppointment(_ context: AppRequestContext) async throws -> (Account, Appointment) {
        let (account, client) = try await me(context)
        guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")), appointment.clientId == client.id
        else { throw PageError.notFound }
        return (account, appointment)
    }
}
