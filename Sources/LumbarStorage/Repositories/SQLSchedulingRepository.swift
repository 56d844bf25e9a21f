import LumbarClinic
import LumbarCore
import SQLKit

/// The clinic's bookable set-up: locations and rooms, services, therapists' hours and time off, booking rules.
public struct SQLSchedulingRepository: SchedulingRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func addLocation(name: String, address: String, timeZone: String, rooms: [String], at now: Instant) async throws -> Location {
        let id = Database.newID()
        let roomRows = rooms.map { Location.Room(id: Database.newID(), name: $0) }
        try await database.write(changing: [.locations]) { db in
            try await db.raw("""
                INSERT INTO locations (id, name, address, time_zone, created_at)
                VALUES (\(bind: id), \(bind: name), \(bind: address), \(bind: timeZone), \(bind: now.milliseconds))
                """).run()
            for room in roomRows {
                try await db.raw("INSERT INTO rooms (id, location_id, name) VALUES (\(bind: room.id), \(bind: id), \(bind: room.name))").run()
            }
        }
        return Location(id: id, name: name, address: address, timeZone: timeZone, rooms: roomRows)
    }

    public func locations() async throws -> [Location] { try await allLocations().filter { !$0.retired } }

    public func allLocations() async throws -> [Location] {
        try await database.cache.value(.locations) { try await readLocations() }
    }

    private func readLocations() async throws -> [Location] {
        try await database.read { db in
            let rooms = try await db.raw("SELECT * FROM rooms WHERE active = 1 ORDER BY name, id").all()
            var byLocation: [String: [Location.Room]] = [:]
            for row in rooms {
                byLocation[try row.string("location_id"), default: []].append(Location.Room(id: try row.string("id"), name: try row.string("name")))
            }
            return try await db.raw("SELECT * FROM locations ORDER BY name, id").all().map { row in
                let id = try row.string("id")
                return Location(id: id, name: try row.string("name"), address: try row.string("address"),
                                timeZone: try row.string("time_zone"), rooms: byLocation[id] ?? [], retired: !(try row.flag("active")))
            }
        }
    }

    /// One location, retired or not (records keep naming it).
    public func location(id: String) async throws -> Location? { try await allLocations().first { $0.id == id } }

    /// Renames rooms kept by id, adds rooms without one, retires rooms left out; all in one transaction.
    public func updateLocation(_ location: Location, at now: Instant) async throws -> Location? {
        let rooms = location.rooms.map { Location.Room(id: $0.id.isEmpty ? Database.newID() : $0.id, name: $0.name) }
        let isNew = Set(zip(location.rooms, rooms).filter { $0.0.id.isEmpty }.map { $0.1.id })
        let found: Bool = try await database.write(changing: [.locations]) { db in
            guard try await db.raw("SELECT id FROM locations WHERE id = \(bind: location.id)").first() != nil else { return false }
            try await db.raw("""
                UPDATE locations SET name = \(bind: location.name), address = \(bind: location.address), time_zone = \(bind: location.timeZone)
                WHERE id = \(bind: location.id)
                """).run()
            let kept = try await db.raw("SELECT id FROM rooms WHERE location_id = \(bind: location.id) AND active = 1").all().map { try $0.string("id") }
            for id in kept where !rooms.contains(where: { $0.id == id }) {
                try await db.raw("UPDATE rooms SET active = 0, retired_at = \(bind: now.milliseconds) WHERE id = \(bind: id)").run()
            }
            for room in rooms {
                if isNew.contains(room.id) {
                    try await db.raw("INSERT INTO rooms (id, location_id, name) VALUES (\(bind: room.id), \(bind: location.id), \(bind: room.name))").run()
                } else {
                    try await db.raw("""
                        UPDATE rooms SET name = \(bind: room.name) WHERE id = \(bind: room.id) AND location_id = \(bind: location.id) AND active = 1
                        """).run()
                }
            }
            return true
        }
        return found ? try await self.location(id: location.id) : nil
    }

    public func setLocationRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        try await setRetired(.locations, id: id, retired, at: now)
    }

    /// Retired rows keep `active = 0` (what the readers already leave out of offers) and when it happened.
    private enum Retirable: String { case locations, services }

    private func setRetired(_ table: Retirable, id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        try await database.write(changing: [table == .locations ? .locations : .services]) { db in
            guard try await db.raw("SELECT id FROM \(unsafeRaw: table.rawValue) WHERE id = \(bind: id)").first() != nil else { return false }
            try await db.raw("""
                UPDATE \(unsafeRaw: table.rawValue) SET active = \(bind: retired ? 0 : 1), retired_at = \(bind: retired ? now.milliseconds : nil) WHERE id = \(bind: id)
                """).run()
            return true
        }
    }

    public func addService(_ service: BookableService) async throws -> BookableService {
        var stored = service
        stored.id = Database.newID()
        let row = stored
        try await database.write(changing: [.services]) { db in
            try await db.raw("""
                INSERT INTO services (id, name, minutes, buffer_minutes, price_cents, tax_basis_points, online, audience)
                VALUES (\(bind: row.id), \(bind: row.name), \(bind: row.minutes), \(bind: row.bufferMinutes), \(bind: row.priceCents),
                        \(bind: row.taxBasisPoints), \(bind: row.bookableOnline.stored), \(bind: row.audience.rawValue))
                """).run()
        }
        return stored
    }

    public func services() async throws -> [BookableService] { try await allServices().filter { !$0.retired } }

    public func allServices() async throws -> [BookableService] {
        try await database.cache.value(.services) { try await readServices() }
    }

    private func readServices() async throws -> [BookableService] {
        try await database.read { db in
            try await db.raw("SELECT * FROM services ORDER BY name, id").all().map { row in
                BookableService(id: try row.string("id"), name: try row.string("name"), minutes: try row.int("minutes"),
                                bufferMinutes: try row.int("buffer_minutes"), priceCents: try row.int("price_cents"),
                                taxBasisPoints: try row.int("tax_basis_points"), bookableOnline: try row.flag("online"),
                                audience: BookableService.Audience(rawValue: try row.string("audience")) ?? .any, retired: !(try row.flag("active")))
            }
        }
    }

    /// One service, retired or not (appointments and receipts keep naming it).
    public func service(id: String) async throws -> BookableService? { try await allServices().first { $0.id == id } }

    public func updateService(_ service: BookableService) async throws -> Bool {
        try await database.write(changing: [.services]) { db in
            guard try await db.raw("SELECT id FROM services WHERE id = \(bind: service.id)").first() != nil else { return false }
            try await db.raw("""
                UPDATE services SET name = \(bind: service.name), minutes = \(bind: service.minutes), buffer_minutes = \(bind: service.bufferMinutes),
                    price_cents = \(bind: service.priceCents), tax_basis_points = \(bind: service.taxBasisPoints), online = \(bind: service.bookableOnline.stored),
                    audience = \(bind: service.audience.rawValue)
                WHERE id = \(bind: service.id)
                """).run()
            return true
        }
    }

    public func setServiceRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        try await setRetired(.services, id: id, retired, at: now)
    }

    /// Replaces a therapist's weekly pattern at a location in one transaction.
    public func setHours(therapistId: String, locationId: String, _ hours: WeeklyHours) async throws {
        try await database.write(changing: [.workingHours]) { db in
            try await db.raw("DELETE FROM working_hours WHERE therapist_id = \(bind: therapistId) AND location_id = \(bind: locationId)").run()
            for (kind, days) in [("work", hours.days), ("break", hours.breaks)] {
                for (weekday, spans) in days.enumerated() {
                    for span in spans {
                        try await db.raw("""
                            INSERT INTO working_hours (therapist_id, location_id, weekday, start_minute, end_minute, kind)
                            VALUES (\(bind: therapistId), \(bind: locationId), \(bind: weekday), \(bind: span.start.minutes), \(bind: span.end.minutes), \(bind: kind))
                            """).run()
                    }
                }
            }
        }
    }

    /// Each therapist's pattern at a location, with their time off overlapping `window`.
    public func hours(locationId: String, window: TimeRange) async throws -> [String: WeeklyHours] {
        var result = try await database.cache.value(.workingHours) { try await readWorkingHours() }[locationId] ?? [:]
        try await database.read { db in
            try await db.raw("""
                SELECT therapist_id, starts_at, ends_at FROM time_off
                WHERE starts_at < \(bind: window.end.milliseconds) AND ends_at > \(bind: window.start.milliseconds) AND removed_at IS NULL
                """).all()
        }.forEach { row in
            result[try row.string("therapist_id")]?.timeOff.append(TimeRange(start: try row.instant("starts_at"), end: try row.instant("ends_at")))
        }
        return result
    }

    /// Every therapist's weekly pattern, by location then therapist: read on every booking and availability question,
    /// changed a few times a year.
    private func readWorkingHours() async throws -> [String: [String: WeeklyHours]] {
        try await database.read { db in
            var result: [String: [String: WeeklyHours]] = [:]
            for row in try await db.raw("SELECT * FROM working_hours ORDER BY start_minute").all() {
                guard let span = WeeklyHours.Span(start: WallTime(minutes: try row.int("start_minute"))!, end: WallTime(minutes: try row.int("end_minute"))!)
                else { continue }
                let weekday = try row.int("weekday")
                var hours = result[try row.string("location_id"), default: [:]][try row.string("therapist_id")] ?? WeeklyHours()
                if try row.string("kind") == "work" { hours.days[weekday].append(span) } else { hours.breaks[weekday].append(span) }
                result[try row.string("location_id"), default: [:]][try row.string("therapist_id")] = hours
            }
            return result
        }
    }

    @discardableResult
    public func addTimeOff(therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry? = nil) async throws -> TimeOff {
        let entry = TimeOff(id: Database.newID(), therapistId: therapistId, range: range, note: note)
        try await database.write { db in
            try await db.raw("""
                INSERT INTO time_off (id, therapist_id, starts_at, ends_at, note)
                VALUES (\(bind: entry.id), \(bind: therapistId), \(bind: range.start.milliseconds), \(bind: range.end.milliseconds), \(bind: note))
                """).run()
            if let audit { try await SQLAuditRepository.append(audit, on: db) }
        }
        return entry
    }

    /// Time off not yet over and not removed, soonest first.
    public func timeOff(endingAfter now: Instant) async throws -> [TimeOff] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM time_off WHERE ends_at > \(bind: now.milliseconds) AND removed_at IS NULL ORDER BY starts_at, id
                """).all().map(Self.timeOff)
        }
    }

    /// One entry of time off, unless it was removed.
    public func timeOff(id: String) async throws -> TimeOff? {
        try await database.read { db in
            try await db.raw("SELECT * FROM time_off WHERE id = \(bind: id) AND removed_at IS NULL").first().map(Self.timeOff)
        }
    }

    /// Changes an entry of time off with its audit row; false if it was removed or never existed.
    public func updateTimeOff(id: String, therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry) async throws -> Bool {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM time_off WHERE id = \(bind: id) AND removed_at IS NULL").first() != nil else { return false }
            try await db.raw("""
                UPDATE time_off SET therapist_id = \(bind: therapistId), starts_at = \(bind: range.start.milliseconds), ends_at = \(bind: range.end.milliseconds),
                    note = \(bind: note) WHERE id = \(bind: id)
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return true
        }
    }

    /// Marks time off removed (kept on record), with its audit row; false if it was already removed or never existed.
    public func removeTimeOff(id: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Bool {
        try await database.write { db in
            let found = try await db.raw("SELECT id FROM time_off WHERE id = \(bind: id) AND removed_at IS NULL").first()
            guard found != nil else { return false }
            try await db.raw("""
                UPDATE time_off SET removed_at = \(bind: now.milliseconds), removed_by = \(bind: accountId) WHERE id = \(bind: id) AND removed_at IS NULL
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return true
        }
    }

    static func timeOff(_ row: any SQLRow) throws -> TimeOff {
        TimeOff(id: try row.string("id"), therapistId: try row.string("therapist_id"),
                range: TimeRange(start: try row.instant("starts_at"), end: try row.instant("ends_at")), note: try row.string("note"))
    }

    public func rules() async throws -> BookingRules {
        try await database.cache.value(.bookingRules) { try await readRules() }
    }

    private func readRules() async throws -> BookingRules {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM booking_rules WHERE id = 1").first() else { return BookingRules() }
            return BookingRules(minimumNoticeMinutes: try row.int("minimum_notice_minutes"), maximumAdvanceDays: try row.int("maximum_advance_days"),
                                slotStepMinutes: try row.int("slot_step_minutes"), cancellationWindowHours: try row.int("cancellation_window_hours"),
                                lateCancellationFeeCents: try row.int("late_cancellation_fee_cents"))
        }
    }

    public func setRules(_ rules: BookingRules) async throws {
        try await database.write(changing: [.bookingRules]) { db in
            try await db.raw("""
                UPDATE booking_rules SET minimum_notice_minutes = \(bind: rules.minimumNoticeMinutes), maximum_advance_days = \(bind: rules.maximumAdvanceDays),
                    slot_step_minutes = \(bind: rules.slotStepMinutes), cancellation_window_hours = \(bind: rules.cancellationWindowHours),
                    late_cancellation_fee_cents = \(bind: rules.lateCancellationFeeCents) WHERE id = 1
                """).run()
        }
    }
}
