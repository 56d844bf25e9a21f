import Mustache

/// The model `pay_rules.mustache` draws: each therapist's pay rule, one small form each.
struct PayRulesPage: Sendable {
    struct Row: Sendable {
        let therapistId: String
        let name: String
        let current: String
        let percentChecked: Bool
        let perVisitChecked: Bool
        let percent: String
        let perVisit: String
        let error: String
        let hasError: Bool
    }

    let chrome: Chrome
    let rows: [Row]
    let hasRows: Bool
    let saved: Bool
}

// MARK: - Mustache

extension PayRulesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "rows": rows
        case "hasRows": hasRows
        case "saved": saved
        default: nil
        }
    }
}

extension PayRulesPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "therapistId": therapistId
        case "name": name
        case "current": current
        case "percentChecked": percentChecked
        case "perVisitChecked": perVisitChecked
        case "percent": percent
        case "perVisit": perVisit
        case "error": error
        case "hasError": hasError
        default: nil
        }
    }
}
