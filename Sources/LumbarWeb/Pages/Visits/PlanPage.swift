import LumbarCore
import Mustache

struct PlanPage: Sendable {
    struct Option: Sendable { let value: String; let label: String; let selected: Bool }

    struct TechniqueRow: Sendable { let id: String; let name: String; let status: String; let chosen: Bool; let note: String; let error: String? }

    struct Goal: Sendable { let index: Int; let text: String; let error: String? }

    let chrome: Chrome
    let client: Client
    let hasPlan: Bool
    let version: Int
    let summary: [String]
    let consentNeeded: [String]
    let reliesOn: [String]
    let goals: [Goal]
    let techniques: [TechniqueRow]
    let areas: [Option]
    let pressures: [Option]
    let frequency: String
    let frequencyError: String?
    let visits: String
    let reassessOn: String
    let problems: [FieldProblem]
    let hasProblems: Bool
    let history: [String]
}
