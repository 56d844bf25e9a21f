import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Consent: the client signs (typed or drawn) after their intake; the therapist records spoken gluteal consent and
/// written consent for other sensitive areas at a visit; anyone who gave a consent, or treats the client, records a
/// withdrawal. Rows are only ever added.
struct ConsentRoutes {
    let services: AppServices
    var intake: IntakeService { IntakeService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/intake/:id/consent/:kind") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            let kind = try episodeKind(context)
            try await intake.audit(filler, context, .view, .consent, detail: "\(kind.rawValue) consent form")
            return try await consentPage(filler, kind: kind, context: context, problems: [])
        }
        router.post("/intake/:id/consent/:kind") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            let kind = try episodeKind(context)
            guard filler.intake.isSubmitted else { return .seeOther("\(filler.base)/review") }
            let signed = Self.signature(context.form)
            guard signed.problems.isEmpty else {
                return try await consentPage(filler, kind: kind, context: context, problems: signed.problems, status: .unprocessableContent)
            }
            let text = ConsentText.current(kind)
            let consent = Consent(clientId: filler.client.id, kind: kind, intakeId: filler.intake.id, appointmentId: nil, textVersion: text.version,
                                  text: text.plainText, signerName: signed.name, signature: signed.kind, signatureData: signed.data,
                                  recordedBy: filler.account?.id, at: services.now)
            _ = try await intake.consents.add(consent, audit: auditEntry(filler.account, context, client: filler.client.id,
                                                                         detail: "\(kind.rawValue) consent signed" + (filler.isKiosk ? " (front-desk tablet)" : "")))
            return .seeOther(kind == .treatment ? "\(filler.base)/consent/gluteal" : "\(filler.base)/result?consented=1")
        }
        // A client withdrawing their own consent is asked first, on a page of its own.
        router.get("/me/consents/:consent/withdraw") { _, context -> Response in
            let account = try context.signedIn()
            guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
            let (consent, withdrawn) = try await own(try context.parameters.require("consent"), client: client)
            if withdrawn { return .seeOther("/me") }
            try await services.audit(account, context, .view, .consent, client: client.id, detail: "\(consent.kind.rawValue) consent withdrawal question")
            let signed = SpokenTime.day(try await services.clinicTime().rules.local(consent.at).date)
            let words = Self.clientWords(consent.kind)
            return services.views.page("setup_confirm", ConfirmPage(
                chrome: context.chrome("Withdraw your consent?"), question: "Withdraw your consent?", what: "\(words.label), signed \(signed).",
                consequences: [words.effect, "What you signed stays in your record, marked as withdrawn. You can sign it again at any time."],
                action: "/me/consents/\(consent.id)/withdraw", yes: "Yes, withdraw my consent", back: "/me", no: "No, keep my consent"))
        }
        router.post("/me/consents/:consent/withdraw") { _, context -> Response in
            let account = try context.signedIn()
            guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
            try await withdraw(try context.parameters.require("consent"), client: client, by: account, context: context)
            return .seeOther("/me?withdrawn=1")
        }
        // The therapist's treatment screen: spoken gluteal consent, or written consent for other sensitive areas, at a visit.
        router.post("/clients/:id/consents") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.writesClinical else { throw PageError.forbidden }
            let form = context.form
            guard let kind = ConsentKind(rawValue: form["kind"]), kind.scope == .visit,
                  let appointment = try await services.appointments.find(id: form["appointment"]), appointment.clientId == access.client.id else {
                throw PageError.badForm("Choose the consent and the visit it is for.")
            }
            let returned = { (problems: [FieldProblem]) in
                try await ClientRecordView(services: services).render(context, account: account, access: access, problems: problems,
                                                                      returned: kind.isWritten ? .writtenConsent : .spokenConsent, status: .unprocessableContent)
            }
            var signed = (name: access.client.fullName, kind: Consent.Signature.verbal, data: "", problems: [FieldProblem]())
            if kind.isWritten {
                signed = Self.signature(form)
                guard signed.problems.isEmpty else { return try await returned(signed.problems) }
            } else {
                if try await latestEpisodeConsent(.gluteal, clientId: access.client.id) == nil {
                    return try await returned([FieldProblem("agree", "Written gluteal consent for this plan is needed before spoken consent can be recorded.")])
                }
                guard form.checkbox("agree") else { return try await returned([FieldProblem("agree", "Tick the box to confirm the client agreed aloud.")]) }
            }
            let text = ConsentText.current(kind)
            let consent = Consent(clientId: access.client.id, kind: kind, intakeId: nil, appointmentId: appointment.id, textVersion: text.version,
                                  text: text.plainText, signerName: signed.name, signature: signed.kind, signatureData: signed.data,
                                  recordedBy: account.id, at: services.now)
            _ = try await intake.consents.add(consent, audit: auditEntry(account, context, client: access.client.id, detail: "\(kind.rawValue) consent recorded"))
            return .seeOther("/clients/\(access.client.id)#consent-heading")
        }
        // Staff recording a withdrawal the client asked for are asked first too.
        router.get("/clients/:id/consents/:consent/withdraw") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.writesClinical else { throw PageError.forbidden }
            let client = access.client
            let back = "/clients/\(client.id)#consent-heading"
            let (consent, withdrawn) = try await own(try context.parameters.require("consent"), client: client)
            if withdrawn { return .seeOther(back) }
            try await services.audit(account, context, .view, .consent, client: client.id, detail: "\(consent.kind.rawValue) consent withdrawal question")
            let given = SpokenTime.day(try await services.clinicTime().rules.local(consent.at).date)
            return services.views.page("setup_confirm", ConfirmPage(
                chrome: context.chrome("Record a withdrawal?"), question: "Record that \(client.fullName) withdrew this consent?",
                what: "\(consent.kind.label), given \(given) by \(consent.signerName).",
                consequences: ["It shows as withdrawn on the chart and in the client's portal from now on.",
                               "The consent they gave stays in the record; the withdrawal is added beside it, with your name."],
                action: "/clients/\(client.id)/consents/\(consent.id)/withdraw", yes: "Yes, record the withdrawal", back: back, no: "No, go back"))
        }
        router.post("/clients/:id/consents/:consent/withdraw") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.writesClinical else { throw PageError.forbidden }
            try await withdraw(try context.parameters.require("consent"), client: access.client, by: account, context: context)
            return .seeOther("/clients/\(access.client.id)?saved=withdrawn#consent-heading")
        }
    }

    private func episodeKind(_ context: AppRequestContext) throws -> ConsentKind {
        guard let kind = ConsentKind(rawValue: try context.parameters.require("kind")), kind.scope == .episode else { throw PageError.notFound }
        return kind
    }

    /// The signer's typed name and, if they drew one, their signature; problems named by field.
    static func signature(_ form: FormData) -> (name: String, kind: Consent.Signature, data: String, problems: [FieldProblem]) {
        let name = form["signerName"].trimmed
        let drawn = form["signatureData"].trimmed
        var problems: [FieldProblem] = []
        if name.count < 2 { problems.append(FieldProblem("signerName", "Type your full name to sign.")) }
        if let tooLong = FieldLimit.name.problem("signerName", name) { problems.append(tooLong) }
        if !drawn.isEmpty && !Consent.isDrawnPath(drawn) { problems.append(FieldProblem("signatureData", "The drawn signature could not be read; clear it and sign again, or just type your name.")) }
        if !form.checkbox("agree") { problems.append(FieldProblem("agree", "Tick the box to say you have read this and agree.")) }
        return (name, drawn.isEmpty ? .typed : .drawn, drawn.isEmpty ? name : drawn, problems)
    }

    private func auditEntry(_ account: Account?, _ context: AppRequestContext, client: String, detail: String) -> AuditEntry {
        AuditEntry(at: services.now, actorId: account?.id, actorRole: account?.role, clientId: client, infoType: .consent, action: .create,
                   address: context.address, detail: detail)
    }

    private func latestEpisodeConsent(_ kind: ConsentKind, clientId: String) async throws -> Consent? {
        guard let current = try await intake.intakes.latestSubmitted(clientId: clientId) else { return nil }
        let status = ConsentStatus(try await intake.consents.list(clientId: clientId), intakeId: current.id, appointmentId: nil)
        if case .given(let consent)? = status.states[kind] { return consent }
        return nil
    }

    /// A consent as the client's portal names it, and what withdrawing it means for their care.
    static func clientWords(_ kind: ConsentKind) -> (label: String, effect: String) {
        switch kind {
        case .treatment: ("Consent to assessment and treatment", "Your therapist will not assess or treat you until you sign it again.")
        case .gluteal: ("Consent to work on the buttock (gluteal) muscles", "Your therapist will not work on your buttock (gluteal) muscles.")
        default: (kind.label, "Your therapist will see that you withdrew it before your next treatment.")
        }
    }

    /// The client's own consent `consentId` (404 for any other), and whether it is withdrawn already.
    private func own(_ consentId: String, client: Client) async throws -> (Consent, withdrawn: Bool) {
        let all = try await intake.consents.list(clientId: client.id)
        guard let consent = all.first(where: { $0.id == consentId && $0.withdraws == nil }) else { throw PageError.notFound }
        return (consent, all.contains { $0.withdraws == consentId })
    }

    private func withdraw(_ consentId: String, client: Client, by account: Account, context: AppRequestContext) async throws {
        guard let original = try await intake.consents.list(clientId: client.id).first(where: { $0.id == consentId && $0.withdraws == nil }) else {
            throw PageError.notFound
        }
        let withdrawal = Consent(clientId: client.id, kind: original.kind, intakeId: original.intakeId, appointmentId: original.appointmentId,
                                 textVersion: original.textVersion, text: "Withdrawn", signerName: account.name, signature: .typed,
                                 signatureData: account.name, recordedBy: account.id, at: services.now, withdraws: original.id)
        do {
            _ = try await intake.consents.add(withdrawal, audit: auditEntry(account, context, client: client.id, detail: "\(original.kind.rawValue) consent withdrawn"))
        } catch StorageError.conflict {
            return
        }
    }

    private func consentPage(_ filler: IntakeService.Filler, kind: ConsentKind, context: AppRequestContext, problems: [FieldProblem],
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let text = ConsentText.current(kind)
        let form = context.form
        let page = ConsentPage(
            chrome: context.chrome(text.title),
            action: "\(filler.base)/consent/\(kind.rawValue)", kind: kind.rawValue, title: text.title,
            sections: text.sections.map { ConsentPage.Section(heading: $0.heading, body: $0.body) }, version: text.version,
            signerName: form.has("signerName") ? form["signerName"] : filler.client.fullName, signatureData: form["signatureData"],
            nameError: problems.first { $0.field == "signerName" }?.message, agreeError: problems.first { $0.field == "agree" }?.message,
            signatureError: problems.first { $0.field == "signatureData" }?.message,
            skip: kind == .gluteal ? "\(filler.base)/result?consented=1" : nil)
        return services.views.page("consent", page, status: status)
    }
}
