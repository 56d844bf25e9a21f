import LumbarCore
import LumbarZones

/// Works out the owner's set-up checklist from the clinic's data, asking the availability engine whether a new client
/// could book online in the next `days` days.
public struct SetupProgress: Sendable {
    let services: ClinicServices
    public static let days = 14

    public init(services: ClinicServices) { self.services = services }

    public func checklist() async throws -> SetupChecklist {
        var facts = SetupChecklist.Facts()
        if let clinic = try await services.clinic.profile() { facts.clinicDetails = !clinic.name.trimmed.isEmpty && !clinic.address.trimmed.isEmpty }
        let locations = try await services.scheduling.locations()
        let online = try await services.scheduling.services().filter { $0.bookableOnline }
        let therapists = try await services.accounts.therapists().filter { $0.collegeRegistration != nil }
        facts.locations = locations.count
        facts.onlineServices = online.count
        facts.registeredTherapists = therapists.count
        facts.therapistsWithTwoStep = therapists.filter(\.totpEnabled).count
        var withHours: Set<String> = []
        let now = services.now
        for location in locations {
            let hours = try await services.scheduling.hours(locationId: location.id, window: TimeRange(start: now, end: now))
            for therapist in therapists where hours[therapist.id].map({ $0.days.contains { !$0.isEmpty } }) == true { withHours.insert(therapist.id) }
        }
        facts.therapistsWithHours = withHours.count
        if !withHours.isEmpty { facts.firstOnlineSlot = try await firstOnlineSlot(locations: locations, services: online) }
        return SetupChecklist(facts)
    }

    /// The soonest time a new client could book online, over every location and online service for new clients.
    private func firstOnlineSlot(locations: [Location], services offered: [BookableService]) async throws -> Instant? {
        let booking = BookingService(services: services)
        var first: Instant?
        for location in locations {
            guard let zone = FoundationZone(identifier: location.timeZone) else { continue }
            let today = zone.local(services.now).date
            for service in offered where BookingService.offers(service, returning: false) {
                let (_, slots) = try await booking.slots(serviceId: service.id, locationId: location.id, therapistId: nil,
                                                         from: today, through: today.adding(days: Self.days - 1), channel: .online)
                if let start = slots.map(\.start).min(), first.map({ start < $0 }) ?? true { first = start }
            }
        }
        return first
    }
}
