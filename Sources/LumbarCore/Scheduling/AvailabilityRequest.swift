/// Everything availability depends on, gathered by the caller so the computation stays pure.
public struct AvailabilityRequest: Sendable {
    /// The service being booked: its length and the turnover time after it.
    public struct ServiceLength: Sendable, Equatable {
        public let minutes: Int
        public let bufferMinutes: Int
        public init(minutes: Int, bufferMinutes: Int) {
            precondition(minutes > 0 && bufferMinutes >= 0)
            self.minutes = minutes
            self.bufferMinutes = bufferMinutes
        }
    }

    /// The clinic's booking rules for online booking.
    public struct Rules: Sendable, Equatable {
        public let minimumNoticeMinutes: Int
        public let maximumAdvanceDays: Int
        public let slotStepMinutes: Int
        public init(minimumNoticeMinutes: Int = 120, maximumAdvanceDays: Int = 60, slotStepMinutes: Int = 15) {
            precondition(minimumNoticeMinutes >= 0 && maximumAdvanceDays > 0 && slotStepMinutes > 0)
            self.minimumNoticeMinutes = minimumNoticeMinutes
            self.maximumAdvanceDays = maximumAdvanceDays
            self.slotStepMinutes = slotStepMinutes
        }
    }

    /// Time already taken: an active appointment including its buffer, for a therapist and maybe a room.
    public struct Booked: Sendable, Equatable {
        public let therapistId: String
        public let roomId: String?
        public let occupied: TimeRange
        public init(therapistId: String, roomId: String?, occupied: TimeRange) {
            self.therapistId = therapistId
            self.roomId = roomId
            self.occupied = occupied
        }
    }

    public var service: ServiceLength
    public var rules: Rules
    public var from: LocalDate
    public var through: LocalDate
    /// Each therapist who may take the booking ("anyone" lists several), with their hours at this location.
    public var therapists: [(id: String, hours: WeeklyHours)]
    /// The location's rooms; empty when it does not book rooms.
    public var rooms: [String]
    public var booked: [Booked]
    public var now: Instant

    public init(service: ServiceLength, rules: Rules, from: LocalDate, through: LocalDate, therapists: [(id: String, hours: WeeklyHours)],
                rooms: [String] = [], booked: [Booked] = [], now: Instant) {
        self.service = service
        self.rules = rules
        self.from = from
        self.through = through
        self.therapists = therapists
        self.rooms = rooms
        self.booked = booked
        self.now = now
    }
}

/// A start time a client can book, with who (and where) would take it.
public struct Slot: Sendable, Hashable {
    public let start: Instant
    public let end: Instant
    public let therapistId: String
    public let roomId: String?
}
