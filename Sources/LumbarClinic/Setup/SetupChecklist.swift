import LumbarCore

/// The owner's way from an empty clinic to its first online booking: each step done or not, worked out from what is
/// stored, never ticked by hand.
public struct SetupChecklist: Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        case clinic, location, service, therapist, hours, twoStep, online
    }

    public struct Item: Sendable, Equatable {
        public let step: Step
        public let done: Bool
        /// Worth doing, but online booking does not wait for it.
        public let optional: Bool
    }

    /// What the steps are decided from.
    public struct Facts: Sendable, Equatable {
        public var clinicDetails: Bool
        public var locations: Int
        public var onlineServices: Int
        /// Therapists in practice (not retired) with their College registration number.
        public var registeredTherapists: Int
        /// Of those, how many have hours at some location in use.
        public var therapistsWithHours: Int
        /// Of those, how many have two-step sign-in on.
        public var therapistsWithTwoStep: Int
        /// The first time a new client could book online in the days looked at, if any.
        public var firstOnlineSlot: Instant?

        public init(clinicDetails: Bool = false, locations: Int = 0, onlineServices: Int = 0, registeredTherapists: Int = 0,
                    therapistsWithHours: Int = 0, therapistsWithTwoStep: Int = 0, firstOnlineSlot: Instant? = nil) {
            self.clinicDetails = clinicDetails
            self.locations = locations
            self.onlineServices = onlineServices
            self.registeredTherapists = registeredTherapists
            self.therapistsWithHours = therapistsWithHours
            self.therapistsWithTwoStep = therapistsWithTwoStep
            self.firstOnlineSlot = firstOnlineSlot
        }
    }

    public let items: [Item]
    public let firstOnlineSlot: Instant?

    public init(_ facts: Facts) {
        firstOnlineSlot = facts.firstOnlineSlot
        items = [
            Item(step: .clinic, done: facts.clinicDetails, optional: false),
            Item(step: .location, done: facts.locations > 0, optional: false),
            Item(step: .service, done: facts.onlineServices > 0, optional: false),
            Item(step: .therapist, done: facts.registeredTherapists > 0, optional: false),
            Item(step: .hours, done: facts.therapistsWithHours > 0, optional: false),
            Item(step: .twoStep, done: facts.registeredTherapists > 0 && facts.therapistsWithTwoStep == facts.registeredTherapists, optional: true),
            Item(step: .online, done: facts.firstOnlineSlot != nil, optional: false),
        ]
    }

    /// The clinic can take an online booking: a client could book a time now.
    public var isComplete: Bool { firstOnlineSlot != nil }

    /// The first step still to do that online booking waits for.
    public var next: Step? { items.first { !$0.done && !$0.optional }?.step }
}
