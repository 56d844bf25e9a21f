import LumbarClinic
import LumbarCore

/// A small clinic written through the repositories themselves, the same way on every store: two therapists, one
/// client, a location with two rooms, a 60-minute service with a 15-minute buffer.
public struct ContractSeed: Sendable {
    public let theo: Account
    public let rosa: Account
    public let ada: Client
    public let location: Location
    public let service: BookableService

    public static func make(_ services: ClinicServices, at now: Instant) async throws -> ContractSeed {
        let theo = try await services.accounts.create(
            AccountDraft(email: "theo@example.com", name: "Theo", role: .therapist, collegeRegistration: "R1", password: "x"), passwordHash: "h",
            totpSecret: nil, at: now)
        let rosa = try await services.accounts.create(
            AccountDraft(email: "rosa@example.com", name: "Rosa", role: .therapist, collegeRegistration: "R2", password: "x"), passwordHash: "h",
            totpSecret: nil, at: now)
        let ada = try await services.clients.create(Client(id: "", firstName: "Ada", lastName: "Alpha", email: "ada@example.com"), at: now)
        let location = try await services.scheduling.addLocation(name: "Main", address: "1 King St", timeZone: "America/Toronto",
                                                                 rooms: ["Room 1", "Room 2"], at: now)
        let service = try await services.scheduling.addService(BookableService(
            id: "", name: "Massage 60", minutes: 60, bufferMinutes: 15, priceCents: 12000, taxBasisPoints: 1300, bookableOnline: true, audience: .any))
        return ContractSeed(theo: theo, rosa: rosa, ada: ada, location: location, service: service)
    }

    /// An appointment of the seeded service starting at `start`, occupying its hour and buffer.
    public func appointment(_ id: String, at start: Instant, therapist: Account? = nil, room: Int? = nil) -> Appointment {
        Appointment(id: id, clientId: ada.id, therapistId: (therapist ?? theo).id, locationId: location.id,
                    roomId: room.map { location.rooms[$0].id }, serviceId: service.id, start: start, end: start.adding(seconds: 3600),
                    occupiedUntil: start.adding(seconds: 4500))
    }
}
