import Mustache

/// The model `note_templates.mustache` draws: the templates a therapist or the owner sees, and the form to add one
/// or change the one being edited, with any problem beside its field.
struct NoteTemplatesPage {
    struct Row: Sendable {
        let id: String
        let name: String
        let service: String
        let keeper: String
        let changed: String
        let retired: Bool
        let canEdit: Bool
    }

    let chrome: Chrome
    let rows: [Row]
    let hasRows: Bool
    /// Nil while adding a new template.
    let editingId: String?
    let editingRetired: Bool
    let formTitle: String
    let formAction: String
    let fields: [FieldView]
    let textFields: [FieldView]
    let techniques: [TechniqueFields.Row]
}

extension NoteTemplatesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "rows": rows
        case "hasRows": hasRows
        case "editingId": editingId
        case "editingRetired": editingRetired
        case "formTitle": formTitle
        case "formAction": formAction
        case "fields": fields
        case "textFields": textFields
        case "techniques": techniques
        default: nil
        }
    }
}

extension NoteTemplatesPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "service": service
        case "keeper": keeper
        case "changed": changed
        case "retired": retired
        case "canEdit": canEdit
        default: nil
        }
    }
}
