import LumbarCore

/// What a client's chart answers at a glance (issue 19): the triage, what consent is missing, how far the plan has
/// come, the last pain score against the visit before, the next appointment and what is owed. Worked out by
/// `ChartSummaryService`, for the chart's header and the API alike; the clinical parts are nil for staff who may not
/// see clinical records.
public struct ChartSummary: Sendable, Equatable {
    /// The latest sent intake's triage.
    public struct Triage: Sendable, Equatable {
        public let intakeId: String
        public let urgency: Urgency
        public let decision: TreatmentDecision?
        /// A physician's clearance is recorded for this intake.
        public let cleared: Bool
    }

    /// Pain now against the visit before: lower is better.
    public enum Trend: String, Sendable { case lower, higher, same }

    public struct Pain: Sendable, Equatable {
        /// NPRS 0-10 at the latest signed visit that rated it (an amendment's rating stands for its visit).
        public let score: Int
        public let at: Instant
        /// The visit before's rating; nil at the first rated visit.
        public let previous: Int?
        public var trend: Trend? {
            guard let previous else { return nil }
            return score < previous ? .lower : score > previous ? .higher : .same
        }
    }

    public struct PlanProgress: Sendable, Equatable {
        public let version: Int
        public let visitsDone: Int
        public let visitsPlanned: Int
        public let reassessOn: LocalDate
        /// The reassessment date has come or the planned visits are used up.
        public let reassessmentDue: Bool
        public let goals: [String]
        public let frequency: String
    }

    public enum IntakeState: Sendable, Equatable { case none, inProgress, sent }

    public let intake: IntakeState
    public let triage: Triage?
    /// Written consents treatment rests on that are missing (`VisitNeed.missingConsents`); empty without a sent intake.
    public let missingConsents: [ConsentKind]
    /// Whether written gluteal consent is on file for the episode: not needed until a plan treats the area, but the
    /// header says when it is absent, so "all given" never hides it.
    public let glutealGiven: Bool
    public let plan: PlanProgress?
    public let pain: Pain?
    /// Original visit notes signed, amendments not counted.
    public let signedVisits: Int
    /// Drafts not yet signed, by anyone.
    public let unsignedNotes: Int
    /// The first booked or arrived appointment that has not ended: one under way counts until it ends.
    public let nextAppointment: Appointment?
    /// Charged and not yet paid, over every visit (Billing.owed per appointment).
    public let owedCents: Int
    /// Credit on account: kept from an overpayment or a refund, for a later invoice.
    public let creditCents: Int

    public init(intake: IntakeState, triage: Triage?, missingConsents: [ConsentKind], plan: PlanProgress?, pain: Pain?, signedVisits: Int,
                unsignedNotes: Int, nextAppointment: Appointment?, owedCents: Int, creditCents: Int = 0, glutealGiven: Bool = false) {
        self.intake = intake
        self.glutealGiven = glutealGiven
        self.triage = triage
        self.missingConsents = missingConsents
        self.plan = plan
        self.pain = pain
        self.signedVisits = signedVisits
        self.unsignedNotes = unsignedNotes
        self.nextAppointment = nextAppointment
        self.owedCents = owedCents
        self.creditCents = creditCents
    }
}
