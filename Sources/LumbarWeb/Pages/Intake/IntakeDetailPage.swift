import LumbarCore
import Mustache

/// The model `intake_detail.mustache` draws.
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
}

extension IntakeDetailPage {
    var hasScores: Bool { !scores.isEmpty }
}

extension IntakeDetailPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "submitted": submitted
        case "sections": sections
        case "versions": versions
        case "scores": scores
        case "hasScores": hasScores
        default: nil
        }
    }
}

extension IntakeDetailPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "prompt": prompt
        case "answer": answer
        default: nil
        }
    }
}

extension IntakeDetailPage.Section: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "title": title
        case "rows": rows
        default: nil
        }
    }
}

extension IntakeDetailPage.Version: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "when": when
        case "rows": rows
        default: nil
        }
    }
}

extension IntakeDetailPage.Score: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "score": score
        case "version": version
        default: nil
        }
    }
}
