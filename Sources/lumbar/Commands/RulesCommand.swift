import ArgumentParser
import LumbarCore

/// `lumbar rules`: the clinical rule table, the same data the engine runs on.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Print the clinical rule table (code, trigger, effect, source).")

    @Flag(help: "Print Markdown, as in docs/clinical-rules.md.")
    var markdown = false

    func run() {
        print(markdown ? RuleTable.markdown() : RuleTable.text(), terminator: markdown ? "" : "\n")
    }
}
