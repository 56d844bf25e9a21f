import LumbarCore
import LumbarZones

extension BookingService {
    /// Free times for moving `appointment`, online: as `slots`, except that the appointment's own time counts as free,
    /// so a client can move it by half an hour (as `reschedule` allows).
    public func slots(moving appointment: Appointment, therapistId: String?, from: LocalDate, through: LocalDate) async throws -> [Slot] {
        guard from <= through, through.daysSinceEpoch - from.daysSinceEpoch <= 62 else { return [] }
        let context = try await context(serviceId: appointment.serviceId, locationId: appointment.locationId, therapistId: therapistId, channel: .online)
        var request = try await request(context, from: from, through: through, channel: .online)
        request.booked.removeAll { $0.occupied == appointment.occupied && $0.therapistId == appointment.therapistId }
        let engine = AvailabilityEngine(zone: context.zone)
        return therapistId == nil ? engine.firstAvailable(request) : engine.slots(request)
    }
}
