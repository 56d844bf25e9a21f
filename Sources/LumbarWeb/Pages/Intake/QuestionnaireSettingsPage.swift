import Mustache

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
