import Mustache

struct MyProgramStepPage: Sendable {
    let chrome: Chrome
    let card: ProgramService.Card
    let count: Int
    let previous: String?
    let next: String?
}
