import Hummingbird
import LumbarClinic
import LumbarCore

/// The owner's staff pages: invite by email (a one-time link to choose a password), edit, retire and restore; and the
/// invited person's "choose your password" page.
struct StaffRoutes {
    let services: AppServices

    static let fields = [
        FieldView("name", "Name", autocomplete: "off", limit: .name),
        FieldView("email", "Email", type: "email", autocomplete: "off"),
        FieldView.select("role", "Role", [("therapist", "Therapist"), ("front-desk", "Front desk")]),
        FieldView("collegeRegistration", "College registration number", help: "Required for therapists; printed on receipts.", optional: true, limit: .code),
    ]

    static let saved = ["invited": "Invitation sent. They choose their password from the link in the email.", "changed": "Staff member saved.",
                        "retired": "Retired. They can no longer sign in; their records stay.", "restored": "Restored. They can sign in again.",
                        "reinvited": "A new invitation is on its way."]

    static let passwordField = [FieldView("password", "Your password", type: "password", help: "At least \(AccountDraft.minimumPasswordLength) characters.",
                                          autocomplete: "new-password")]

    func register(on router: Router<AppRequestContext>) {
        router.get("/staff") { request, context -> Response in
            _ = try context.owner()
            var chrome = context.chrome("Staff")
            chrome.notice = Self.saved[FormData(encoded: request.uri.query ?? "")["saved"]]
            return try await staffPage(chrome, form: FormData(encoded: "role=therapist"), problems: [])
        }
        router.post("/staff") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            guard let role = Role(rawValue: form["role"]), role == .therapist || role == .frontDesk else {
                return try await staffPage(context.chrome("Staff"), form: form, problems: [FieldProblem("role", "Choose therapist or front desk.")], status: .unprocessableContent)
            }
            let secret = Secrets.token()
            let draft = AccountDraft(email: form["email"], name: form["name"], role: role, collegeRegistration: form["collegeRegistration"], password: secret)
            var problems = draft.problems()
            if problems.isEmpty {
                do {
                    // The stored hash is of a secret nobody keeps: the account signs in only once its password is chosen.
                    let account = try await services.accounts.invite(draft, passwordHash: try await services.hasher.hash(secret), at: services.now)
                    try await ResetLinks(services: services).invite(account, clinicName: context.clinicName ?? "the clinic", invitedBy: owner.name)
                    try await services.audit(owner, context, .create, .account, client: nil, detail: "staff account \(account.id) invited")
                    return .seeOther("/staff?saved=invited")
                } catch StorageError.conflict(let message) {
                    problems.append(FieldProblem("email", message))
                }
            }
            return try await staffPage(context.chrome("Staff"), form: form, problems: problems, status: .unprocessableContent)
        }
        router.get("/staff/:id") { _, context -> Response in
            _ = try context.owner()
            let person = try await member(context)
            let form = FormData(["name": person.name, "email": person.email, "role": person.role.rawValue, "collegeRegistration": person.collegeRegistration ?? ""])
            return editPage(context, person, form: form, problems: [])
        }
        router.post("/staff/:id") { _, context -> Response in
            let owner = try context.owner()
            let person = try await member(context)
            let form = context.form
            let role = Role(rawValue: form["role"]).flatMap { $0 == .therapist || $0 == .frontDesk ? $0 : nil }
            let draft = AccountDraft(email: form["email"], name: form["name"], role: role ?? .frontDesk, collegeRegistration: form["collegeRegistration"], password: "")
            var problems = draft.problems().filter { $0.field != "password" }
            if role == nil { problems.insert(FieldProblem("role", "Choose therapist or front desk."), at: 0) }
            if problems.isEmpty {
                do {
                    guard try await services.accounts.update(id: person.id, email: draft.email, name: draft.name, role: draft.role,
                                                             collegeRegistration: draft.collegeRegistration) else { throw PageError.notFound }
                    try await services.audit(owner, context, .change, .account, client: nil, detail: "staff account \(person.id) changed")
                    return .seeOther("/staff?saved=changed")
                } catch StorageError.conflict(let message) {
                    problems.append(FieldProblem("email", message))
                }
            }
            return editPage(context, person, form: form, problems: problems, status: .unprocessableContent)
        }
        router.post("/staff/:id/invite") { _, context -> Response in
            let owner = try context.owner()
            let person = try await member(context)
            guard person.invitationPending, person.active else { throw PageError.badForm("\(person.name) has already chosen a password.") }
            try await ResetLinks(services: services).invite(person, clinicName: context.clinicName ?? "the clinic", invitedBy: owner.name)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "staff account \(person.id) invited again")
            return .seeOther("/staff?saved=reinvited")
        }
        RetireRoutes(services: services, list: "/staff", noun: "staff account", savedPrefix: "",
                     consequences: { retire in
                         retire ? ["They are signed out now and can no longer sign in.", "Clients can no longer book with them.",
                                   "Their notes, appointments and receipts stay in the records. You can restore them later."]
                             : ["They can sign in again with their password, and clients can book with them where they have hours."]
                     },
                     find: { [services] id in
                         try await services.accounts.find(id: id).flatMap { person in
                             person.role == .therapist || person.role == .frontDesk ? .init(id: person.id, name: person.name, what: "\(person.name), \(person.role.label.lowercased()), \(person.email)") : nil
                         }
                     },
                     stillBooked: { [services] id, now in try await RetireRoutes.booked(services, therapistId: id, from: now) },
                     setRetired: { [services] id, retire, now in try await services.accounts.setRetired(id: id, retire, at: now) })
            .register(on: router)
        router.get("/welcome") { request, context -> Response in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            guard try await services.passwordResets.isValid(tokenHash: Secrets.hash(token), at: services.now) else { throw Self.spentLink }
            return services.views.page("welcome", PasswordFormPage(chrome: context.chrome("Choose your password"), fields: Self.passwordField, token: token))
        }
        router.post("/welcome") { _, context -> Response in
            let token = context.form["token"], password = context.form["password"]
            var problems: [FieldProblem] = []
            if password.count < AccountDraft.minimumPasswordLength { problems.append(FieldProblem("password", "Use at least \(AccountDraft.minimumPasswordLength) characters.")) }
            if let tooLong = AccountDraft.passwordLimit.problem("password", password) { problems.append(tooLong) }
            guard problems.isEmpty else {
                let page = PasswordFormPage(chrome: context.chrome("Choose your password"), fields: Self.passwordField.filled(from: context.form, problems: problems), token: token)
                return services.views.page("welcome", page, status: .unprocessableContent)
            }
            let hash = try await services.hasher.hash(password)
            guard let accountId = try await services.passwordResets.consume(tokenHash: Secrets.hash(token), at: services.now) else { throw Self.spentLink }
            try await services.accounts.setPassword(id: accountId, hash: hash)
            try await services.audit(try await services.accounts.find(id: accountId), context, .change, .account, client: nil, detail: "invitation accepted, password chosen")
            return .seeOther("/login?welcome=done")
        }
    }

    static let spentLink = PageError.badForm("This invitation link has expired or was already used. Ask the clinic's owner to send a new one.")

    /// A staff member the owner may change: therapists and front desk (the owner's own account is changed from My account).
    private func member(_ context: AppRequestContext) async throws -> Account {
        guard let person = try await services.accounts.find(id: try context.parameters.require("id")), person.role == .therapist || person.role == .frontDesk
        else { throw PageError.notFound }
        return person
    }

    private func staffPage(_ chrome: Chrome, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        let staff = try await services.accounts.staff().map { person in
            StaffPage.StaffRow(id: person.id, name: person.name, role: person.role.label, email: person.email, registration: person.collegeRegistration.flatMap { $0.trimmed.isEmpty ? nil : $0 },
                               twoFactor: person.totpEnabled ? "on" : "off",
                               editable: person.role == .therapist || person.role == .frontDesk, retired: !person.active,
                               invitationPending: person.invitationPending && person.active)
        }
        return services.views.page("staff", StaffPage(chrome: chrome, staff: staff, fields: Self.fields.filled(from: form, problems: problems)), status: status)
    }

    private func editPage(_ context: AppRequestContext, _ person: Account, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) -> Response {
        let page = EditPage(chrome: context.chrome("Edit \(person.name)"), heading: "Edit \(person.name)", intro: nil, action: "/staff/\(person.id)",
                            fields: Self.fields.filled(from: form, problems: problems), checkboxes: [], button: "Save", back: "/staff",
                            retireHref: "/staff/\(person.id)/\(person.active ? "retire" : "restore")",
                            retireLabel: person.active ? "Retire \(person.name)" : "Restore \(person.name)")
        return services.views.page("setup_edit", page, status: status)
    }
}
