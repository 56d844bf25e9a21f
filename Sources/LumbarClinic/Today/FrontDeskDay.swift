import LumbarCore

/// The front desk's day: who is arriving, what is still to pay, and tomorrow's visits nobody has confirmed. Holds no
/// clinical detail: a visit's needs here are only the front desk's own (an intake not done).
public struct FrontDeskDay: Sendable, Equatable {
    public struct Visit: Sendable, Equatable {
        public let appointment: Appointment
        public let client: Client
        public let therapistName: String
        public let serviceName: String
        /// Only needs that are not clinical.
        public let needs: [VisitNeed]
    }

    public struct Owing: Sendable, Equatable {
        public let appointment: Appointment
        public let client: Client
        public let description: String
        public let owedCents: Int
    }

    public let day: LocalDate
    /// Today's visits that hold their time, in time order.
    public let arrivals: [Visit]
    /// Today's charges not yet paid in full, in time order.
    public let owing: [Owing]
    /// Tomorrow's booked visits not yet confirmed, in time order.
    public let unconfirmed: [Visit]
}
