import LumbarClinic
import LumbarCore
import Synchronization

/// Locations, services, working hours, time off and booking rules in memory.
public final class MemorySchedulingRepository: SchedulingRepository {
    private struct State {
        var locations: [Location] = []
        var services: [BookableService] = []
        var hours: [String: [String: WeeklyHours]] = [:]
        var timeOff: [TimeOff] = []
        var removed: Set<String> = []
        var rules = BookingRules()
    }

    private let state = Mutex(State())
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func addLocation(name: String, address: String, timeZone: String, rooms: [String], at now: Instant) async throws -> Location {
        let location = Location(id: ids.next(), name: name, address: address, timeZone: timeZone, rooms: rooms.map { .init(id: ids.next(), name: $0) })
        state.withLock { $0.locations.append(location) }
        return location
    }

    public func locations() async throws -> [Location] { try await allLocations().filter { !$0.retired } }
    public func allLocations() async throws -> [Location] { state.withLock { $0.locations.sorted { ($0.name, $0.id) < ($1.name, $1.id) } } }
    public func location(id: String) async throws -> Location? { state.withLock { $0.locations.first { $0.id == id } } }

    public func updateLocation(_ location: Location, at now: Instant) async throws -> Location? {
        let newIds = location.rooms.map { $0.id.isEmpty ? ids.next() : $0.id }
        return state.withLock { state in
            guard let index = state.locations.firstIndex(where: { $0.id == location.id }) else { return nil }
            let known = Set(state.locations[index].rooms.map(\.id))
            var updated = location
            updated.retired = state.locations[index].retired
            updated.rooms = zip(location.rooms, newIds).compactMap { room, id in
                room.id.isEmpty || known.contains(room.id) ? Location.Room(id: id, name: room.name) : nil
            }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            state.locations[index] = updated
            return updated
        }
    }

    public func setLocationRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        state.withLock { state in
            guard let index = state.locations.firstIndex(where: { $0.id == id }) else { return false }
            state.locations[index].retired = retired
            return true
        }
    }

    public func addService(_ service: BookableService) async throws -> BookableService {
        var added = service
        if added.id.isEmpty { added.id = ids.next() }
        let saved = added
        state.withLock { $0.services.append(saved) }
        return saved
    }

    public func services() async throws -> [BookableService] { try await allServices().filter { !$0.retired } }
    public func allServices() async throws -> [BookableService] { state.withLock { $0.services.sorted { ($0.name, $0.id) < ($1.name, $1.id) } } }
    public func service(id: String) async throws -> BookableService? { try await allServices().first { $0.id == id } }

    public func updateService(_ service: BookableService) async throws -> Bool {
        state.withLock { state in
            guard let index = state.services.firstIndex(where: { $0.id == service.id }) else { return false }
            var updated = service
            updated.retired = state.services[index].retired
            state.services[index] = updated
            return true
        }
    }

    public func setServiceRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        state.withLock { state in
            guard let index = state.services.firstIndex(where: { $0.id == id }) else { return false }
            state.services[index].retired = retired
            return true
        }
    }

    public func setHours(therapistId: String, locationId: String, _ hours: WeeklyHours) async throws {
        var pattern = hours
        pattern.timeOff = []
        let stored = pattern
        state.withLock { $0.hours[locationId, default: [:]][therapistId] = stored }
    }

    public func hours(locationId: String, window: TimeRange) async throws -> [String: WeeklyHours] {
        state.withLock { state in
            var result = state.hours[locationId] ?? [:]
            for off in state.timeOff where !state.removed.contains(off.id) && off.range.overlaps(window) {
                result[off.therapistId]?.timeOff.append(off.range)
            }
            return result
        }
    }

    public func addTimeOff(therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry?) async throws -> TimeOff {
        let off = TimeOff(id: ids.next(), therapistId: therapistId, range: range, note: note)
        state.withLock { $0.timeOff.append(off) }
        return off
    }

    public func timeOff(endingAfter now: Instant) async throws -> [TimeOff] {
        state.withLock { state in state.timeOff.filter { $0.range.end > now && !state.removed.contains($0.id) }.sorted { $0.range.start < $1.range.start } }
    }

    public func timeOff(id: String) async throws -> TimeOff? {
        state.withLock { state in state.removed.contains(id) ? nil : state.timeOff.first { $0.id == id } }
    }

    public func updateTimeOff(id: String, therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry) async throws -> Bool {
        state.withLock { state in
            guard let index = state.timeOff.firstIndex(where: { $0.id == id }), !state.removed.contains(id) else { return false }
            state.timeOff[index] = TimeOff(id: id, therapistId: therapistId, range: range, note: note)
            return true
        }
    }

    public func removeTimeOff(id: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Bool {
        state.withLock { state in
            guard state.timeOff.contains(where: { $0.id == id }), !state.removed.contains(id) else { return false }
            state.removed.insert(id)
            return true
        }
    }

    public func rules() async throws -> BookingRules { state.withLock { $0.rules } }
    public func setRules(_ rules: BookingRules) async throws { state.withLock { $0.rules = rules } }
}
