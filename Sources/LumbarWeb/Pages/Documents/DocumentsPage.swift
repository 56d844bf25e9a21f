import Mustache

/// The model `documents.mustache` draws: a client's documents, the form to attach one at the top and the list below.
struct DocumentsPage {
    /// One document as listed: what it is, who added it and when, and what the reader may do with it.
    struct Row {
        let id: String
        let fileName: String
        let kind: String
        let size: String
        let description: String?
        let addedBy: String
        let addedAt: String
        /// Links to open the content, for those who see the clinical record.
        let viewURL: String?
        let downloadURL: String?
        let withdrawURL: String?
        let withdrawn: Withdrawn?
    }

    /// A withdrawn document's reason, with who withdrew it and when.
    struct Withdrawn {
        let reason: String
        let by: String
        let at: String
    }

    let chrome: Chrome
    let clientName: String
    let chartURL: String
    let action: String
    let canUpload: Bool
    /// "PDF, JPEG or PNG, up to 10 MB."
    let fileHelp: String
    let fileError: String?
    let description: String
    let descriptionError: String?
    let descriptionLimit: Int
    let rows: [Row]
    /// Said to front desk, who see the list but not the files.
    let contentNote: String?
}

extension DocumentsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clientName": clientName
        case "chartURL": chartURL
        case "action": action
        case "canUpload": canUpload
        case "fileHelp": fileHelp
        case "fileError": fileError
        case "description": description
        case "descriptionError": descriptionError
        case "descriptionLimit": descriptionLimit
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "contentNote": contentNote
        default: nil
        }
    }
}

extension DocumentsPage.Row {
    /// What it is, as the person who attached it described it; the file's own name when they did not.
    var title: String { description?.nilIfEmpty ?? fileName }
    /// The file's own name, under a description.
    var fileNote: String? { description?.nilIfEmpty == nil ? nil : fileName }
}

extension DocumentsPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "fileName": fileName
        case "title": title
        case "fileNote": fileNote
        case "kind": kind
        case "size": size
        case "description": description
        case "addedBy": addedBy
        case "addedAt": addedAt
        case "viewURL": viewURL
        case "downloadURL": downloadURL
        case "withdrawURL": withdrawURL
        case "withdrawn": withdrawn
        default: nil
        }
    }
}

extension DocumentsPage.Withdrawn: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "reason": reason
        case "by": by
        case "at": at
        default: nil
        }
    }
}
