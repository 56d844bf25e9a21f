import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore

/// Retiring and restoring something the owner set up (a location, a service, a staff member): a page that asks first
/// and says what will follow, including the appointments still booked with it, then the change, audited. Retired
/// things stay in the records; only new bookings stop.
struct RetireRoutes: Sendable {
    /// What is retired, as the question and the audit name it.
    struct Thing: Sendable {
        let id: String
        let name: String
        /// The line under the question that says which one it is.
        let what: String
    }

    let services: AppServices
    /// The list's address; the question and the change are at `<list>/:id/retire` and `<list>/:id/restore`.
    let list: String
    /// How the audit names it: "location", "service", "staff account".
    let noun: String
    /// What the list's address says after the change: `<savedPrefix>retired` or `<savedPrefix>restored`.
    let savedPrefix: String
    /// What follows from retiring (true) or restoring (false).
    let consequences: @Sendable (Bool) -> [String]
    let find: @Sendable (String) async throws -> Thing?
    /// Active appointments still booked from now on (nil when it cannot have any, as a service keeps its bookings).
    let stillBooked: (@Sendable (String, Instant) async throws -> Int)?
    let setRetired: @Sendable (String, Bool, Instant) async throws -> Bool

    func register(on router: Router<AppRequestContext>) {
        for (verb, retire) in [("retire", true), ("restore", false)] {
            router.get("\(list)/:id/\(verb)") { _, context -> Response in
                _ = try context.owner()
                let thing = try await existing(context)
                var consequences = consequences(retire)
                if retire, let stillBooked, case let count = try await stillBooked(thing.id, services.now), count > 0 {
                    consequences.insert(count == 1 ? "1 appointment is still booked from now on. Cancel or move it from the calendar."
                                            : "\(count) appointments are still booked from now on. Cancel or move them from the calendar.", at: 0)
                }
                let question = "\(retire ? "Retire" : "Restore") \(thing.name)?"
                return services.views.page("setup_confirm", ConfirmPage(chrome: context.chrome(question), question: question, what: thing.what,
                                                                        consequences: consequences, action: "\(list)/\(thing.id)/\(verb)",
                                                                        yes: retire ? "Yes, retire" : "Yes, restore", back: list, no: "No, go back"))
            }
            router.post("\(list)/:id/\(verb)") { _, context -> Response in
                let owner = try context.owner()
                let thing = try await existing(context)
                guard try await setRetired(thing.id, retire, services.now) else { throw PageError.notFound }
                try await services.audit(owner, context, .change, .account, client: nil, detail: "\(noun) \(thing.id) \(retire ? "retired" : "restored")")
                return .seeOther("\(list)?saved=\(savedPrefix)\(retire ? "retired" : "restored")")
            }
        }
    }

    private func existing(_ context: AppRequestContext) async throws -> Thing {
        guard let thing = try await find(try context.parameters.require("id")) else { throw PageError.notFound }
        return thing
    }

    /// How many active appointments `appointments` holds from `now` on for a location or a therapist.
    static func booked(_ services: AppServices, locationId: String? = nil, therapistId: String? = nil, from now: Instant) async throws -> Int {
        try await services.appointments.list(window: TimeRange(start: now, end: now.adding(seconds: 3 * 366 * 86_400)), locationId: locationId,
                                             therapistId: therapistId, clientId: nil, activeOnly: true).count
    }
}
