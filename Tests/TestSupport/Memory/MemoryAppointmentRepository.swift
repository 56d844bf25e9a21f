import LumbarClinic
import LumbarCore
import Synchronization

/// Appointments in memory, with the database's guarantee: no two active appointments overlap for one therapist or one
/// room (occupied time, buffer included), checked as the write happens; a refused write keeps nothing, mail included.
public final class MemoryAppointmentRepository: AppointmentRepository {
    private struct State {
        var rows: [String: Appointment] = [:]
        var order: [String] = []
        var reminded: Set<String> = []
        var createdAt: [String: Instant] = [:]
        var reasons: [String: String] = [:]
    }

    private let state = Mutex(State())
    private let outbox: MemoryOutbox
    private let clients: MemoryClientRepository?

    public init(outbox: MemoryOutbox = MemoryOutbox(), clients: MemoryClientRepository? = nil) {
        self.outbox = outbox
        self.clients = clients
    }

    public func book(_ appointments: [Appointment], bookedBy: String, mail: [QueuedMail], audit: AuditEntry?, at now: Instant) async throws {
        try state.withLock { state in
            var trial = state.rows
            for appointment in appointments {
                guard !Self.clashes(appointment, in: trial) else { throw StorageError.conflict(Self.taken) }
                trial[appointment.id] = appointment
            }
            state.rows = trial
            for appointment in appointments {
                state.order.append(appointment.id)
                state.createdAt[appointment.id] = now
            }
        }
        for therapistId in Set(appointments.map(\.therapistId)) {
            try await clients?.assign(therapistId: therapistId, clientId: appointments[0].clientId, at: now)
        }
        outbox.enqueue(mail)
    }

    public func move(_ appointment: Appointment, mail: [QueuedMail], at now: Instant) async throws {
        try state.withLock { state in
            guard state.rows[appointment.id] != nil else { return }
            var trial = state.rows
            trial[appointment.id] = nil
            guard !Self.clashes(appointment, in: trial) else { throw StorageError.conflict(Self.taken) }
            state.rows[appointment.id] = appointment
        }
        outbox.enqueue(mail)
    }

    public func setStatus(id: String, _ status: Appointment.Status, feeCents: Int, revision: Int?, reason: String?, mail: [QueuedMail], at now: Instant) async throws {
        state.withLock { state in
            guard var row = state.rows[id] else { return }
            row.status = status
            row.feeCents = feeCents
            if let revision { row.revision = revision }
            state.rows[id] = row
            if let reason { state.reasons[id] = reason }
        }
        outbox.enqueue(mail)
    }

    public func cancelReason(id: String) async throws -> String? {
        state.withLock { $0.reasons[id] }
    }

    public func confirm(id: String, audit: AuditEntry, at now: Instant) async throws {
        state.withLock { state in
            if state.rows[id] != nil && state.rows[id]?.confirmedAt == nil { state.rows[id]?.confirmedAt = now }
        }
    }

    public func hasHistory(clientId: String) async throws -> Bool {
        state.withLock { $0.rows.values.contains { $0.clientId == clientId && $0.isActive } }
    }

    public func find(id: String) async throws -> Appointment? { state.withLock { $0.rows[id] } }

    public func list(window: TimeRange, locationId: String?, therapistId: String?, clientId: String?, activeOnly: Bool) async throws -> [Appointment] {
        state.withLock { state in
            state.rows.values.filter { row in
                row.occupied.overlaps(window) && (locationId == nil || row.locationId == locationId)
                    && (therapistId == nil || row.therapistId == therapistId) && (clientId == nil || row.clientId == clientId)
                    && (!activeOnly || row.isActive)
            }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        }
    }

    public func occupancy(window: TimeRange, therapistId: String?) async throws -> [AvailabilityRequest.Booked] {
        try await list(window: window, locationId: nil, therapistId: therapistId, clientId: nil, activeOnly: true)
            .map { .init(therapistId: $0.therapistId, roomId: $0.roomId, occupied: $0.occupied) }
    }

    public func queueReminders(lead: Int64, at now: Instant, compose: @escaping @Sendable (Appointment) async throws -> QueuedMail?) async throws -> Int {
        let due = state.withLock { state in
            state.rows.values.filter { row in
                row.status == .booked && !state.reminded.contains(row.id) && row.start > now && row.start <= now.adding(seconds: lead)
                    && (state.createdAt[row.id] ?? now) < row.start.adding(seconds: -lead)
            }.sorted { $0.start < $1.start }
        }
        for appointment in due {
            if let mail = try await compose(appointment) { outbox.enqueue([mail]) }
            _ = state.withLock { $0.reminded.insert(appointment.id) }
        }
        return due.count
    }

    public static let taken = "That time was just taken. Please choose another."

    /// The overlap rule of `Dialect.appointmentExclusion`: occupied ranges, half-open, of active appointments.
    private static func clashes(_ appointment: Appointment, in rows: [String: Appointment]) -> Bool {
        guard appointment.isActive else { return false }
        return rows.values.contains { other in
            other.id != appointment.id && other.isActive && other.occupied.overlaps(appointment.occupied)
                && (other.therapistId == appointment.therapistId || (other.roomId != nil && other.roomId == appointment.roomId))
        }
    }
}

extension Appointment {
    /// Not cancelled: what holds time and counts as history.
    var isActive: Bool { status != .cancelled && status != .lateCancelled }
}
