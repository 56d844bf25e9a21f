import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The intake, triage and consent part of a client's chart. Staff who may not see clinical detail (front desk)
/// get only whether an intake exists and whether online booking is paused.
struct IntakePanel: Sendable {
    struct Reason: Sendable { let text: String; let extra: String }
    /// `plain`: suitable with nothing today for or against it, which the chart folds away. `reasons` is for the
    /// therapist: a restricted technique names what restricts it (the rule's condition), since the engine's sentence
    /// is written to the client and may speak of other techniques; those sentences are `tellClient`.
    struct TechniqueRow: Sendable { let name: String; let status: String; let reasons: String; let plain: Bool; let tellClient: [String] }
    struct ActionRow: Sendable { let when: String; let kind: String; let recipient: String?; let detail: String; let by: String }
    struct ConsentRow: Sendable { let kind: ConsentKind; let label: String; let state: String; let given: Bool; let detail: String; let withdrawId: String? }

    /// One of the panel's forms that was sent back with problems: what was typed, kept, and the problems beside the
    /// fields. Only that form is filled in again; the panel's other forms share field names with it.
    enum Returned: Sendable { case action, spokenConsent, writtenConsent }

    /// The written-consent form's hand-drawn fields (its ids differ from the action form's).
    struct WrittenConsentForm: Sendable {
        var areas = [FieldView.Option(value: ConsentKind.innerThigh.rawValue, label: "Upper inner thigh", selected: false),
                     FieldView.Option(value: ConsentKind.chestWall.rawValue, label: "Chest wall", selected: false)]
        var signerName = ""
        var signerNameError: String?
        var agreeError: String?
    }

    var clientId = ""
    var hasIntake = false
    var inProgress: String?
    var intakeId = ""
    var submittedOn = ""
    var clinical = false
    var canWrite = false
    var urgency = ""
    var alarm = false
    var referralReasons: [Reason] = []
    var decision = ""
    var decisionReasons: [Reason] = []
    /// The engine's sentences to the client for the treatment decision.
    var decisionTell: [String] = []
    var risk: String?
    var techniques: [TechniqueRow] = []
    var yellowFlags: [Reason] = []
    var thermal = ""
    var selfCare: [Reason] = []
    var actions: [ActionRow] = []
    var actionFields = IntakePanel.actionForm
    var spokenAgreeError: String?
    var writtenConsent = WrittenConsentForm()
    var bookingPaused = false
    var consents: [ConsentRow] = []
    var visitId: String?
    var visitLabel = ""
    var canStartTablet = false

    static let actionForm = [
        FieldView.select("kind", "Record", ReferralAction.Kind.allCases.map { ($0.rawValue, $0.label) }),
        FieldView("recipient", "Referred to, or cleared by", help: "Needed for a referral or a clearance. For example: Dr. Rivera, family physician.",
                  limit: .short),
        FieldView.textArea("detail", "Details", limit: .long),
    ]

    /// The panel; with `returned`, that form shows what was typed (from the request's form) and `problems` beside it.
    /// With it, the audit rows for what it shows, which the caller commits with its own before the page is sent.
    static func make(_ services: AppServices, access: ClientAccess, account: Account, context: AppRequestContext,
                     returned: Returned? = nil, problems: [FieldProblem] = []) async throws -> (IntakePanel, viewed: [AuditEntry]) {
        let service = IntakeService(services: services)
        let zone = try await services.clinicTime()
        var panel = IntakePanel()
        panel.clientId = access.client.id
        panel.canStartTablet = account.role.isStaff
        let intakes = try await service.intakes.list(clientId: access.client.id)
        panel.inProgress = intakes.first { !$0.isSubmitted }.map { "started \(zone.spoken($0.createdAt))" }
        panel.bookingPaused = try await service.bookingBlock(clientId: access.client.id) != nil
        guard let latest = intakes.first(where: \.isSubmitted), let submitted = latest.submittedAt else { return (panel, []) }
        panel.hasIntake = true
        panel.intakeId = latest.id
        panel.submittedOn = zone.spoken(submitted)
        guard access.seesClinical else { return (panel, []) }
        panel.clinical = true
        panel.canWrite = access.writesClinical
        panel.fill(result: (try? JSONValue.parse(latest.resultJSON ?? "")) ?? .null)
        panel.actions = try await service.intakes.actions(intakeId: latest.id).map {
            ActionRow(when: zone.spoken($0.at), kind: $0.kind.label, recipient: $0.recipient.nilIfEmpty, detail: $0.detail, by: $0.recordedByName)
        }
        let visit = try await todaysVisit(services, clientId: access.client.id)
        panel.visitId = visit?.id
        panel.visitLabel = visit.map { "today's visit at \(SpokenTime.time(zone.rules.local($0.start).time))" } ?? "no visit today"
        let consents = try await service.consents.list(clientId: access.client.id)
        let status = ConsentStatus(consents, intakeId: latest.id, appointmentId: visit?.id)
        panel.consents = ConsentKind.allCases.map { kind in
            switch status.states[kind] ?? .missing {
            case .given(let consent):
                return ConsentRow(kind: kind, label: kind.label, state: "given", given: true,
                                  detail: "\(consent.signerName), \(consent.signature.rawValue), \(zone.spoken(consent.at)), consent text \(consent.textVersion)", withdrawId: consent.id)
            case .withdrawn(let at):
                return ConsentRow(kind: kind, label: kind.label, state: "withdrawn", given: false, detail: "withdrawn \(zone.spoken(at))", withdrawId: nil)
            case .missing:
                return ConsentRow(kind: kind, label: kind.label, state: "not given", given: false,
                                  detail: kind.scope == .visit && visit == nil ? "no visit today" : "", withdrawId: nil)
            }
        }
        panel.fillIn(returned, from: context.form, problems: problems)
        return (panel, [
            services.auditEntry(account, context, .view, .intake, client: access.client.id, detail: "intake triage on chart"),
            services.auditEntry(account, context, .view, .consent, client: access.client.id, detail: "consent status"),
        ])
    }

    /// The client's booked or arrived appointment today, in the clinic's time zone.
    static func todaysVisit(_ services: AppServices, clientId: String) async throws -> Appointment? {
        let zone = try await services.clinicTime().rules
        let today = zone.local(services.now).date
        guard let start = zone.instant(LocalDateTime(today, WallTime(minutes: 0)!)),
              let end = zone.instant(LocalDateTime(today.adding(days: 1), WallTime(minutes: 0)!)) else { return nil }
        return try await services.appointments.list(window: TimeRange(start: start, end: end), clientId: clientId, activeOnly: true).first
    }

    private mutating func fillIn(_ returned: Returned?, from form: FormData, problems: [FieldProblem]) {
        let problem = { (field: String) in problems.first { $0.field == field }?.message }
        switch returned {
        case .action:
            actionFields = actionFields.filled(from: form, problems: problems)
        case .spokenConsent:
            spokenAgreeError = problem("agree")
        case .writtenConsent:
            writtenConsent.areas = writtenConsent.areas.map { FieldView.Option(value: $0.value, label: $0.label, selected: $0.value == form["kind"]) }
            writtenConsent.signerName = form["signerName"]
            writtenConsent.signerNameError = problem("signerName")
            writtenConsent.agreeError = problem("agree")
        case nil:
            break
        }
    }

    /// Reads the stored engine output (contract v1) into rows.
    private mutating func fill(result: JSONValue) {
        func reasons(_ value: JSONValue?) -> [Reason] {
            (value?.arrayValue ?? []).map { Reason(text: $0["text"]?.stringValue ?? "", extra: $0["code"]?.stringValue ?? "") }
        }
        urgency = result["referral"]?["urgency"]?.stringValue ?? "none"
        alarm = urgency == "urgent" || urgency == "emergency"
        referralReasons = reasons(result["referral"]?["reasons"])
        decision = TriageWords.decision(code: result["treatment"]?["decision"]?.stringValue ?? "")
        // What changes or defers treatment, named as the rule's condition; the engine's sentence, written to the
        // client, is kept for the "how to explain" fold.
        let decided = reasons(result["treatment"]?["reasons"])
        decisionReasons = decided.map { reason in
            guard let rule = RuleBook.rule(reason.extra), rule.code != "treatment-proceed" else { return reason }
            return Reason(text: rule.trigger.prefix(1).uppercased() + rule.trigger.dropFirst() + ".", extra: reason.extra)
        }
        decisionTell = decided.filter { $0.extra != "treatment-proceed" }.map(\.text)
        if let risk = result["risk"] {
            self.risk = "\(risk["level"]?.stringValue ?? "") (STarT Back total \(Int(risk["total"]?.numberValue ?? 0)), psychosocial \(Int(risk["psychosocial"]?.numberValue ?? 0)))"
        }
        techniques = (result["techniques"]?.arrayValue ?? []).map { item in
            let code = item["code"]?.stringValue ?? ""
            let why = reasons(item["reasons"])
            let status = item["status"]?.stringValue ?? ""
            let restricted = (TechniqueStatus(rawValue: status)?.strictness ?? 0) > 0
            let conditions = why.compactMap { RuleBook.rule($0.extra)?.trigger }
            let words = restricted && conditions.count == why.count
                ? conditions.joined(separator: "; ").prefix(1).uppercased() + conditions.joined(separator: "; ").dropFirst() + "."
                : why.map(\.text).joined(separator: " ")
            return TechniqueRow(name: Technique(rawValue: code)?.name ?? code, status: status, reasons: words,
                                plain: status == TechniqueStatus.suitable.rawValue && why.allSatisfy { $0.extra == "technique-suitable" },
                                tellClient: restricted ? why.map(\.text) : [])
        }
        // The strictest first: what must not be done is read before what suits.
        let order = ["contraindicated", "caution", "recommended", "suitable"]
        techniques = techniques.enumerated().sorted {
            let (a, b) = (order.firstIndex(of: $0.element.status) ?? 4, order.firstIndex(of: $1.element.status) ?? 4)
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        yellowFlags = reasons(result["yellowFlags"])
        thermal = result["thermal"]?["text"]?.stringValue ?? ""
        selfCare = (result["selfCare"]?.arrayValue ?? []).map { Reason(text: $0["text"]?.stringValue ?? "", extra: $0["dose"]?.stringValue ?? "") }
    }
}
