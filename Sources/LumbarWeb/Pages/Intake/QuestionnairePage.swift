import Mustache

struct QuestionnairePage: Sendable {
    let chrome: Chrome
    let instrument: String
    let title: String
    let intro: String
    let questions: [QuestionView]
    let hasProblems: Bool
}
