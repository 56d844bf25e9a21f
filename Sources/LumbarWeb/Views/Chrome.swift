import LumbarCore
import Mustache

/// What the shared layout shows around every page: who is signed in, what they may reach, the form token.
struct Chrome: Sendable {
    var title: String
    var clinicName = "Lumbar"
    var signedIn = false
    var userName = ""
    var roleLabel = ""
    var isOwner = false
    var isStaff = false
    var isClient = false
    var seesClients = false
    /// The owner and the front desk reach the reports (the desk only its end of day).
    var seesReports = false
    var isTherapist = false
    var csrf = ""
    var notice: String?
    /// Field limits for templates that draw their own inputs: `maxlength="{{chrome.limits.short}}"`.
    let limits = Limits()

    struct Limits: Sendable {
        let name = FieldLimit.name.characters
        let code = FieldLimit.code.characters
        let short = FieldLimit.short.characters
        let long = FieldLimit.long.characters
        let clinical = FieldLimit.clinical.characters
        let phone = PhoneNumber.limit.characters
        let often = Dose.oftenLimit.characters
        let programNote = HomeProgram.noteLimit.characters
        let diaryNote = ProgramLog.noteLimit.characters
    }

    init(title: String, context: AppRequestContext, clinicName: String? = nil) {
        self.title = title
        self.clinicName = clinicName ?? "Lumbar"
        csrf = context.csrfToken
        if let account = context.account {
            signedIn = true
            userName = account.name
            roleLabel = account.role.label
            isOwner = account.role == .owner
            isStaff = account.role.isStaff
            isClient = account.role == .client
            seesClients = account.role.isStaff
            seesReports = account.role == .owner || account.role == .frontDesk
            isTherapist = account.role == .therapist
        }
    }
}

/// One form field as the `field` partial draws it: label, input, help line and the problem beside it.
struct FieldView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var name: String
    var label: String
    var type = "text"
    var value = ""
    var error: String?
    var help: String?
    var autocomplete: String?
    var list: String?
    var optional = false
    /// The field's `FieldLimit`, printed as `maxlength`; the handler checks the same limit on the server.
    var maxLength: Int?
    var options: [Option] = []
    var isInput = true
    var isSelect = false
    var isTextArea = false

    init(_ name: String, _ label: String, type: String = "text", help: String? = nil, autocomplete: String? = nil,
         optional: Bool = false, list: String? = nil, limit: FieldLimit? = nil) {
        self.name = name
        self.label = label
        self.type = type
        self.help = help
        self.autocomplete = autocomplete
        self.optional = optional
        self.list = list
        maxLength = (limit ?? Self.limit(forType: type))?.characters
    }

    /// Typed fields with a limit of their own; other text needs one given.
    private static func limit(forType type: String) -> FieldLimit? {
        switch type {
        case "email": return .email
        case "tel": return PhoneNumber.limit
        case "password": return AccountDraft.passwordLimit
        default: return nil
        }
    }

    static func select(_ name: String, _ label: String, _ choices: [(value: String, label: String)], help: String? = nil) -> FieldView {
        var field = FieldView(name, label, help: help)
        field.isInput = false
        field.isSelect = true
        field.options = choices.map { Option(value: $0.value, label: $0.label, selected: false) }
        return field
    }

    static func textArea(_ name: String, _ label: String, help: String? = nil, limit: FieldLimit) -> FieldView {
        var field = FieldView(name, label, help: help, limit: limit)
        field.isInput = false
        field.isTextArea = true
        return field
    }

    /// Fills in what was typed (never passwords) and the problem for this field, if any.
    func filled(from form: FormData, problems: [FieldProblem]) -> FieldView {
        var field = self
        if type != "password" { field.value = form[name] }
        field.options = options.map { Option(value: $0.value, label: $0.label, selected: $0.value == form[name]) }
        field.error = problems.first { $0.field == name }?.message
        return field
    }
}

extension Array where Element == FieldView {
    func filled(from form: FormData, problems: [FieldProblem]) -> [FieldView] {
        map { $0.filled(from: form, problems: problems) }
    }
}

extension Chrome: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "title": title
        case "clinicName": clinicName
        case "signedIn": signedIn
        case "userName": userName
        case "roleLabel": roleLabel
        case "isOwner": isOwner
        case "isStaff": isStaff
        case "isClient": isClient
        case "seesClients": seesClients
        case "seesReports": seesReports
        case "isTherapist": isTherapist
        case "csrf": csrf
        case "notice": notice
        case "limits": limits
        default: nil
        }
    }
}

extension Chrome.Limits: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "code": code
        case "short": short
        case "long": long
        case "clinical": clinical
        case "phone": phone
        case "often": often
        case "programNote": programNote
        case "diaryNote": diaryNote
        default: nil
        }
    }
}

extension FieldView: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "label": label
        case "type": type
        case "value": value
        case "error": error
        case "help": help
        case "autocomplete": autocomplete
        case "list": list
        case "optional": optional
        case "maxLength": maxLength
        case "options": options
        case "isInput": isInput
        case "isSelect": isSelect
        case "isTextArea": isTextArea
        default: nil
        }
    }
}

extension FieldView.Option: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
