import Mustache

/// The model `intake_step.mustache` draws.
struct IntakeStepPage: Sendable {
    struct Problem: Sendable { let id: String; let prompt: String; let message: String }

    let chrome: Chrome
    let base: String
    let stepId: String
    let title: String
    let intro: String
    let number: Int
    let count: Int
    let questions: [QuestionView]
    let problems: [Problem]
    let hasProblems: Bool
    let backStep: String?
    let returning: Bool
}

extension IntakeStepPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "base": base
        case "stepId": stepId
        case "title": title
        case "intro": intro
        case "number": number
        case "count": count
        case "questions": questions
        case "problems": problems
        case "hasProblems": hasProblems
        case "backStep": backStep
        case "returning": returning
        default: nil
        }
    }
}

extension IntakeStepPage.Problem: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "prompt": prompt
        case "message": message
        default: nil
        }
    }
}
