/// When a visit may be marked arrived or missed, and when a mark made by mistake may be taken back.
///
/// A client may be marked arrived on the day of their visit (early arrivals wait in the waiting room), never days
/// ahead; a no-show only once their time has come, so a visit is never marked missed the evening before; and either
/// mark can be taken back on the visit's own day, so one mis-tap does not brand a client or free their time for good. Taking back a visit that
/// money was taken for is refused by the caller, which knows the payments.
public enum Attendance {
    public enum Mark: String, Sendable, CaseIterable {
        case arrived
        case noShow = "no-show"
        case undo
    }

    /// Why `mark` cannot be made on `appointment` at `now`, in words for the front desk; nil when it can.
    public static func refusal(_ mark: Mark, _ appointment: Appointment, now: Instant, zone: any ZoneRules) -> String? {
        switch mark {
        case .arrived:
            guard appointment.status == .booked else { return notBooked }
            let day = zone.local(appointment.start).date
            guard zone.local(now).date >= day else { return "A client can be marked arrived only on the day of their visit: \(SpokenTime.shortDay(day))." }
            return nil
        case .noShow:
            guard appointment.status == .booked else { return notBooked }
            guard now >= appointment.start else { return "A client can be marked as a no-show only once their time has come: from \(spoken(appointment.start, zone))." }
            return nil
        case .undo:
            guard appointment.status == .arrived || appointment.status == .noShow else { return "Only an arrival or a no-show can be taken back." }
            guard zone.local(now).date == zone.local(appointment.start).date else {
                return "An arrival or a no-show can be taken back only on the day of the visit."
            }
            return nil
        }
    }

    /// The status the appointment has once `mark` is made.
    public static func status(after mark: Mark) -> Appointment.Status {
        switch mark {
        case .arrived: .arrived
        case .noShow: .noShow
        case .undo: .booked
        }
    }

    static let notBooked = "This appointment is no longer booked: it was already marked or cancelled."

    static func spoken(_ instant: Instant, _ zone: any ZoneRules) -> String {
        let local = zone.local(instant)
        return "\(SpokenTime.time(local.time)) on \(SpokenTime.shortDay(local.date))"
    }
}
