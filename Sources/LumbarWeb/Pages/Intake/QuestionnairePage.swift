import Mustache

/// The model `questionnaire.mustache` draws.
struct QuestionnairePage: Sendable {
    let chrome: Chrome
    let instrument: String
    let title: String
    let intro: String
    let questions: [QuestionView]
    let hasProblems: Bool
}

extension QuestionnairePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "instrument": instrument
        case "title": title
        case "intro": intro
        case "questions": questions
        case "hasProblems": hasProblems
        default: nil
        }
    }
}
