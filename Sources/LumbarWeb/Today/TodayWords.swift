import LumbarClinic
import LumbarCore

/// How the day's lists say things: times as "1:00 p.m.", days as "Tue 1 Dec", and each need in a few plain words.
enum TodayWords {
    static func time(_ time: WallTime) -> String {
        let hour = time.minutes / 60, minute = time.minutes % 60
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(twelve):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "a.m." : "p.m.")"
    }

    static func day(_ date: LocalDate) -> String {
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekdayIndex]
        return "\(weekday) \(date.day) \(date.monthName.prefix(3))"
    }

    /// A need as a badge: its words, and the kind that styles it (the words alone say it all; colour only adds).
    static func badge(_ need: VisitNeed) -> TodayBadge {
        switch need {
        case .triage(let urgency):
            return TodayBadge(text: urgency == .emergency ? "Emergency triage, not cleared" : "Urgent triage, not cleared",
                              kind: urgency == .emergency ? "emergency" : "urgent")
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
            let why = visitsDone.map { "\($0) planned visits done" } ?? dueOn.map { "set for \(day($0))" } ?? ""
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
