import Mustache

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
