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
    /// Rooms still in use; a retired room keeps its name on past appointments only.
    public var rooms: [Room]
    /// Retired: no longer offered for booking, kept for the records that name it.
    public var retired: Bool

    public init(id: String, name: String, address: String, timeZone: String, rooms: [Room] = [], retired: Bool = false) {
        self.id = id
        self.name = name
        self.address = address
        self.timeZone = timeZone
        self.rooms = rooms
        self.retired = retired
    }

    /// What is wrong with this location as typed, in form order; `isTimeZone` answers whether a name is a known IANA zone.
    public func problems(isTimeZone: (String) -> Bool) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmed.isEmpty { problems.append(FieldProblem("name", "Name the location, e.g. \"Downtown\".")) }
        if let tooLong = FieldLimit.name.problem("name", name) { problems.append(tooLong) }
        if address.trimmed.isEmpty { problems.append(FieldProblem("address", "Enter the street address.")) }
        if let tooLong = FieldLimit.short.problem("address", address) { problems.append(tooLong) }
        if !isTimeZone(timeZone) { problems.append(FieldProblem("timeZone", "Choose the time zone from the list.")) }
        var seen: Set<String> = []
        for room in rooms {
            let field = room.id.isEmpty ? "rooms" : "room-" + room.id
            if let tooLong = FieldLimit.name.problem(field, room.name) { problems.append(tooLong) }
            if !seen.insert(room.name.trimmed.lowercased()).inserted {
                problems.append(FieldProblem(field, "Two rooms are called \"\(room.name.trimmed)\". Give each room its own name."))
            }
        }
        return problems
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
