import LumbarClinic
import LumbarCore
import LumbarZones

/// The chart's header in a therapist's words, from `ChartSummary`: each fact one short line, marked when it needs
/// doing something about before the client walks in. Dates are short ("Fri 27 Nov"): the header is read on a phone.
struct ChartHeader: Sendable {
    enum Tone: String, Sendable { case plain, good, warn, alert }

    struct Link: Sendable { let href: String; let id: String; let text: String }

    struct Fact: Sendable {
        /// The element id tests and the journey read (`fact-pain`, ...).
        let id: String
        let label: String
        /// The label as a link to the fact's own page (the plan, payments).
        var link: Link?
        /// An urgency badge before the text ("emergency"), its class the urgency.
        var badge: String?
        let text: String
        var tone: Tone = .plain
    }

    let facts: [Fact]
    /// The referral prompt when care is not helping or a visit raised a red flag (ProgressReview).
    let referralPrompt: String?
    let bookingPaused: Bool

    /// The next appointment in words: `service` and `therapist` are its names.
    static func make(_ summary: ChartSummary, clientId: String, zone: ZonedTime, now: Instant, clinical: Bool, nextService: String?,
                     nextTherapist: String?, referralPrompt: String?, bookingPaused: Bool) -> ChartHeader {
        var facts: [Fact] = []
        if clinical {
            facts.append(triage(summary))
            let missing = summary.missingConsents
            let text: String
            if summary.intake != .sent {
                text = "none yet: the client signs it after the intake"
            } else if !missing.isEmpty {
                text = "missing: " + missing.map { $0.label.prefix(1).lowercased() + $0.label.dropFirst() }.joined(separator: "; ")
            } else {
                text = summary.glutealGiven ? "treatment and gluteal given" : "treatment given · gluteal not yet"
            }
            facts.append(Fact(id: "fact-consent", label: "Consent", text: text, tone: missing.isEmpty ? .plain : .alert))
            facts.append(plan(summary.plan, clientId: clientId, zone: zone))
            facts.append(pain(summary.pain, zone: zone))
        } else {
            let intake: String
            switch summary.intake {
            case .none: intake = "not started"
            case .inProgress: intake = "started, not sent"
            case .sent: intake = "sent"
            }
            facts.append(Fact(id: "fact-intake", label: "Intake", text: intake, tone: summary.intake == .sent ? .plain : .warn))
        }
        var next = "none booked"
        if let appointment = summary.nextAppointment {
            next = appointment.start <= now ? "now, until \(SpokenTime.time(zone.rules.local(appointment.end).time))"
                : SpokenTime.short(zone.rules.local(appointment.start))
            if let nextService { next += " · \(nextService)" }
            if let nextTherapist { next += " with \(nextTherapist)" }
        }
        facts.append(Fact(id: "fact-next", label: "Next appointment", text: next))
        facts.append(Fact(id: "fact-balance", label: "Balance", link: Link(href: "/clients/\(clientId)/billing", id: "billing-link", text: "Payments and receipts"),
                          text: (summary.owedCents > 0 ? "\(Money.text(summary.owedCents)) owing" : "nothing owing")
                              + (summary.creditCents > 0 ? ", \(Money.text(summary.creditCents)) credit on account" : ""),
                          tone: summary.owedCents > 0 ? .warn : .plain))
        if clinical, summary.unsignedNotes > 0 {
            facts.append(Fact(id: "fact-unsigned", label: "Unsigned notes",
                              link: Link(href: "/clients/\(clientId)?section=visits", id: "unsigned-link", text: "See them in Visits"),
                              text: summary.unsignedNotes == 1 ? "1 draft to sign" : "\(summary.unsignedNotes) drafts to sign", tone: .warn))
        }
        return ChartHeader(facts: facts, referralPrompt: referralPrompt, bookingPaused: bookingPaused)
    }

    private static func triage(_ summary: ChartSummary) -> Fact {
        guard let triage = summary.triage else {
            return Fact(id: "fact-triage", label: "Referral",
                        text: summary.intake == .inProgress ? "intake started, not sent yet" : "no intake sent yet", tone: .warn)
        }
        var text = TriageWords.decision(triage.decision)
        if triage.cleared { text += " · physician's clearance recorded" }
        let alarming = triage.urgency >= .urgent && !triage.cleared
        // No badge for "none": the line says no referral is needed.
        if triage.urgency == .none { text = "none needed · " + text }
        return Fact(id: "fact-triage", label: "Referral", badge: triage.urgency == .none ? nil : triage.urgency.rawValue, text: text,
                    tone: alarming || triage.decision == .deferTreatment ? .alert : triage.decision == .modify ? .warn : .plain)
    }

    private static func plan(_ plan: ChartSummary.PlanProgress?, clientId: String, zone: ZonedTime) -> Fact {
        let link = Link(href: "/clients/\(clientId)/plan", id: "plan-link", text: "Treatment plan")
        guard let plan else { return Fact(id: "fact-plan", label: "Treatment plan", link: link, text: "none yet", tone: .warn) }
        let text: String
        if plan.visitsDone >= plan.visitsPlanned {
            text = "all \(plan.visitsPlanned) visits done: time to reassess"
        } else if plan.reassessmentDue {
            text = "visit \(plan.visitsDone + 1) of \(plan.visitsPlanned) · reassessment was due \(SpokenTime.shortDay(plan.reassessOn))"
        } else {
            text = "visit \(plan.visitsDone + 1) of \(plan.visitsPlanned) · reassess on \(SpokenTime.shortDay(plan.reassessOn))"
        }
        return Fact(id: "fact-plan", label: "Treatment plan", link: link, text: text, tone: plan.reassessmentDue ? .warn : .plain)
    }

    private static func pain(_ pain: ChartSummary.Pain?, zone: ZonedTime) -> Fact {
        guard let pain else { return Fact(id: "fact-pain", label: "Pain", text: "not rated at a signed visit yet") }
        var text = "\(pain.score)/10 on \(SpokenTime.shortDay(zone.rules.local(pain.at).date))"
        var tone = Tone.plain
        switch (pain.trend, pain.previous) {
        case (.lower?, let previous?): text += ", down from \(previous) the visit before"; tone = .good
        case (.higher?, let previous?): text += ", up from \(previous) the visit before"; tone = .warn
        case (.same?, _): text += ", the same as the visit before"
        default: text += ", the first rated visit"
        }
        return Fact(id: "fact-pain", label: "Pain", text: text, tone: tone)
    }
}
