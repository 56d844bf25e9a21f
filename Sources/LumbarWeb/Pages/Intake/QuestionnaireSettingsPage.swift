import LumbarCore
import Mustache

/// The model `questionnaires.mustache` draws.
struct QuestionnaireSettingsPage: Sendable {
    struct Row: Sendable {
        let code: String
        let name: String
        let title: String
        let version: String
        let demo: Bool
        let loaded: Bool
        let optional: Bool
        let asked: Bool
    }
    let chrome: Chrome
    let rows: [Row]
    let definition: String
    let problems: [String]
    let hasProblems: Bool
    let definitionLimit = QuestionnaireDefinition.fileLimit.characters
}

extension QuestionnaireSettingsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "rows": rows
        case "definition": definition
        case "problems": problems
        case "hasProblems": hasProblems
        case "definitionLimit": definitionLimit
        default: nil
        }
    }
}

extension QuestionnaireSettingsPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "code": code
        case "name": name
        case "title": title
        case "version": version
        case "demo": demo
        case "loaded": loaded
        case "optional": optional
        case "asked": asked
        default: nil
        }
    }
}
