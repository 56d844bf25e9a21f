import LumbarCore
import Mustache

struct IntakeDetailPage: Sendable {
    struct Row: Sendable { let prompt: String; let answer: String }
    struct Section: Sendable { let title: String; let rows: [Row] }
    struct Version: Sendable { let when: String; let rows: [Row] }
    struct Score: Sendable { let name: String; let score: String; let version: String }
    let chrome: Chrome
    let client: Client
    let submitted: String
    let sections: [Section]
    let versions: [Version]
    let scores: [Score]
    let contractInput: String
}
