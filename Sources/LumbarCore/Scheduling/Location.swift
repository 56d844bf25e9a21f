/// A place the clinic treats clients, with its own time zone and, optionally, rooms booked like therapists.
public struct Location: Sendable, Equatable, Identifiable {
    public struct Room: Sendable, Equatable, Identifiable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var id: String
    public var name: String
    public var address: String
    public var timeZone: String
    public var rooms: [Room]

    public init(id: String, name: String, address: String, timeZone: String, rooms: [Room] = []) {
        self.id = id
        self.name = name
        self.address = address
        self.timeZone = timeZone
        self.rooms = rooms
    }
}

/// The clinic's booking rules (one set for all locations).
public struct BookingRules: Sendable, Equatable {
    public var minimumNoticeMinutes: Int
    public var maximumAdvanceDays: Int
    public var slotStepMinutes: Int
    public var cancellationWindowHours: Int
    public var lateCancellationFeeCents: Int

    public init(minimumNoticeMinutes: Int = 120, maximumAdvanceDays: Int = 60, slotStepMinutes: Int = 15,
                cancellationWindowHours: Int = 24, lateCancellationFeeCents: Int = 0) {
        self.minimumNoticeMinutes = minimumNoticeMinutes
        self.maximumAdvanceDays = maximumAdvanceDays
        self.slotStepMinutes = slotStepMinutes
        self.cancellationWindowHours = cancellationWindowHours
        self.lateCancellationFeeCents = lateCancellationFeeCents
    }

    public var availabilityRules: AvailabilityRequest.Rules {
        .init(minimumNoticeMinutes: minimumNoticeMinutes, maximumAdvanceDays: maximumAdvanceDays, slotStepMinutes: slotStepMinutes)
    }

    /// Cancelling at `now` an appointment starting at `start`: inside the window it is a late cancellation.
    public func isLateCancellation(start: Instant, now: Instant) -> Bool {
        now.adding(seconds: Int64(cancellationWindowHours) * 3600) > start
    }
}
