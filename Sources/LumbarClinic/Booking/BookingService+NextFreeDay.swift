import LumbarCore
import LumbarZones

extension BookingService {
    /// The first day after `day` with a free time for the service (and therapist, when one is named), searched as far
    /// as online booking reaches (the rules' maximum advance days); nil when there is none in that range.
    public func nextFreeDay(serviceId: String, locationId: String, therapistId: String?, after day: LocalDate,
                            channel: Channel = .online) async throws -> LocalDate? {
        let context = try await context(serviceId: serviceId, locationId: locationId, therapistId: therapistId, channel: channel)
        let today = context.zone.local(services.now).date
        let last = today.adding(days: channel == .online ? context.rules.maximumAdvanceDays : 365)
        var from = max(day.adding(days: 1), today)
        // A month at a time: a free day is usually in the first one, and each call is one read of hours and bookings.
        while from <= last {
            let through = min(from.adding(days: 30), last)
            let (_, slots) = try await slots(serviceId: serviceId, locationId: locationId, therapistId: therapistId, from: from, through: through,
                                             channel: channel)
            if let first = slots.lazy.map({ context.zone.local($0.start).date }).filter({ $0 >= from && $0 <= through }).min() { return first }
            from = through.adding(days: 1)
        }
        return nil
    }
}
