import Foundation
import LumbarCore
import Testing

/// The reviewable rule table and its generated document never disagree.
@Suite struct RuleTableTests {
    static let repoRoot = String(#filePath).components(separatedBy: "/Tests/").first!

    @Test func documentIsGeneratedFromTheTable() throws {
        let document = try String(contentsOfFile: Self.repoRoot + "/docs/clinical-rules.md", encoding: .utf8)
        #expect(document == RuleTable.markdown(), "run: swift run lumbar rules --markdown > docs/clinical-rules.md")
    }

    @Test func tableListsEveryRuleWithItsSource() {
        let text = RuleTable.text()
        for rule in RuleBook.all + RuleBook.fallbacks {
            #expect(text.contains(rule.code + "\n"))
            #expect(!rule.source.isEmpty && !rule.trigger.isEmpty)
        }
    }
}
