import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Clients join the waitlist for an earlier time and take an offered time from the emailed link.
struct WaitlistRoutes {
    let services: AppServices
    var waitlist: WaitlistService { WaitlistService(services: services.clinicServices) }

    func register(on router: Router<AppRequestContext>) {
        router.post("/me/appointments/:id/waitlist") { _, context -> Response in
            let (account, client) = try await signedInClient(context)
            guard let appointment = try await services.appointments.find(id: try context.parameters.require("id")), appointment.clientId == client.id,
                  appointment.status == .booked else { throw PageError.notFound }
            try await waitlist.join(appointment)
            try await services.audit(account, context, .create, .appointment, client: client.id, detail: "joined waitlist")
            return .seeOther("/me?waitlist=1")
        }
        router.get("/waitlist/:token") { _, context -> Response in
            let token = try context.parameters.require("token")
            guard context.account != nil else { return .seeOther("/login?next=" + ("/waitlist/" + token).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) }
            let (_, client) = try await signedInClient(context)
            return try await offerPage(token: token, client: client, context)
        }
        router.post("/waitlist/:token/accept") { _, context -> Response in
            let token = try context.parameters.require("token")
            let (account, client) = try await signedInClient(context)
            do {
                let appointment = try await waitlist.accept(token: token, account: account, client: client)
                try await services.audit(account, context, .change, .appointment, client: client.id, detail: "took waitlist offer \(appointment.id)")
                return .seeOther("/me?booked=1")
            } catch is WaitlistService.Failure {
                return try await offerPage(token: token, client: client, context, status: .conflict)
            }
        }
    }

    private func signedInClient(_ context: AppRequestContext) async throws -> (Account, Client) {
        let account = try context.signedIn()
        guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
        return (account, client)
    }

    private func offerPage(token: String, client: Client, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let chrome = context.chrome("An earlier time")
        guard let entry = try? await waitlist.offer(token: token, clientId: client.id), let start = entry.offerStart, let expires = entry.offerExpiresAt,
              let location = try await services.scheduling.location(id: entry.locationId), let zone = FoundationZone(identifier: location.timeZone) else {
            let page = WaitlistOfferPage(chrome: chrome, live: false, token: "", service: "", when: "", until: "",
                                 message: "This offer has ended or the time was taken. You are no longer holding it.")
            return services.views.page("waitlist_offer", page, status: status == .ok ? .gone : status)
        }
        let page = WaitlistOfferPage(chrome: chrome, live: true, token: token, service: try await services.scheduling.service(id: entry.serviceId)?.name ?? "",
                             when: BookingService.spoken(start, zone), until: BookingService.spoken(expires, zone), message: "")
        return services.views.page("waitlist_offer", page, status: status)
    }
}
