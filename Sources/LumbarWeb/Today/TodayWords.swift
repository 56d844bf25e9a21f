import LumbarClinic
import LumbarCore

/// How the day's lists say each need and status in a few plain words (times and days are `SpokenTime`'s).
enum TodayWords {
    /// A need as a badge: its words, and the kind that styles it (the words alone say it all; colour only adds).
    static func badge(_ need: VisitNeed) -> TodayBadge {
        switch need {
        case .triage(let urgency):
            return TodayBadge(text: urgency == .emergency ? "Emergency triage, not cleared" : "Urgent triage, not cleared",
                              kind: urgency == .emergency ? "emergency" : "urgent")
        case .treatment(let decision):
            return decision == .deferTreatment ? TodayBadge(text: "No hands-on treatment until a physician has seen them", kind: "urgent")
                : TodayBadge(text: "Treat with changes: see the chart", kind: "todo")
        case .noIntake: return TodayBadge(text: "No intake yet", kind: "todo")
        case .intakeUnfinished: return TodayBadge(text: "Intake not finished", kind: "todo")
        case .consent(let kind):
            switch kind {
            case .treatment: return TodayBadge(text: "Consent to treatment missing", kind: "todo")
            case .gluteal: return TodayBadge(text: "Gluteal consent missing", kind: "todo")
            case .innerThigh: return TodayBadge(text: "Inner-thigh consent needed today", kind: "todo")
            case .chestWall: return TodayBadge(text: "Chest-wall consent needed today", kind: "todo")
            case .glutealVerbal: return TodayBadge(text: "Ask gluteal consent aloud", kind: "todo")
            }
        case .reassessment(let dueOn, let visitsDone):
            let why = visitsDone.map { "\($0) planned visits done" } ?? dueOn.map { "set for \(SpokenTime.shortDay($0))" } ?? ""
            return TodayBadge(text: "Reassessment due (\(why))", kind: "todo")
        case .unsignedNotes(let count):
            return TodayBadge(text: count == 1 ? "1 unsigned note" : "\(count) unsigned notes", kind: "todo")
        }
    }

    static func status(_ status: Appointment.Status) -> TodayBadge? {
        switch status {
        case .booked: return nil
        case .arrived: return TodayBadge(text: "Arrived", kind: "ok")
        case .completed: return TodayBadge(text: "Done", kind: "ok")
        case .noShow: return TodayBadge(text: "No-show", kind: "status")
        case .cancelled: return TodayBadge(text: "Cancelled", kind: "status")
        case .lateCancelled: return TodayBadge(text: "Cancelled late", kind: "status")
        }
    }
}
