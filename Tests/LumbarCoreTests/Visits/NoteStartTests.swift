import LumbarCore
import PropertyBased
import Testing

/// Starting a follow-up note: copied parts come from the last signed visit without losing anything already in the
/// draft, the rest stays today's; a template adds its words without losing what was typed.
@Suite struct NoteStartTests {
    static let words = ["", "Tight L4-5 paraspinals.", "Hypertonic QL left.", "Weekly for 4 weeks.", "Reports less morning stiffness."]

    static func note(_ seed: [Int], at ms: Int64, status: VisitNote.Status = .signed) -> VisitNote {
        let pick = { (i: Int) in words[seed[i % seed.count] % words.count] }
        let regions = BodyRegion.allCases
        return VisitNote(id: "n\(ms)", clientId: "c", authorId: "a", status: status, painNow: seed[0] % 11, subjective: pick(1),
                         findings: Set(seed.prefix(3).map { Finding.allCases[$0 % Finding.allCases.count] }), objective: pick(2), rangeOfMotion: pick(3),
                         tests: pick(4), bodyChart: BodyChart([.init(region: regions[seed[1] % regions.count], kind: .tension, intensity: seed[2] % 10 + 1)]),
                         plan: pick(5), techniques: [.init(technique: Technique.allCases[seed[3] % 6], areas: [regions[seed[4] % regions.count]], pressure: .firm,
                                                          minutes: seed[5] % 60 + 1)],
                         createdAt: Instant(milliseconds: ms), signedAt: status == .signed ? Instant(milliseconds: ms + 1) : nil)
    }

    @Test func copiedPartsAreTheLastVisitsAndTheRestStaysTodays() async {
        let seeds = Gen.int(in: 0...40).array(of: 6...6)
        await propertyCheck(count: 300, input: seeds, seeds, Gen<CopyForward.Part>.case.array(of: 0...4)) { old, new, chosen in
            let last = Self.note(old, at: 1_000), draft = Self.note(new, at: 9_000, status: .draft)
            let parts = Set(chosen)
            let copied = CopyForward.apply(parts, from: last, to: draft)
            // A copied text is the last visit's when the draft's was empty; otherwise the draft's stays, first.
            func copiedText(_ part: KeyPath<VisitNote, String>, when copiedPart: CopyForward.Part) {
                let mine = draft[keyPath: part], theirs = last[keyPath: part], result = copied[keyPath: part]
                guard parts.contains(copiedPart) else { #expect(result == mine); return }
                if mine.isEmpty { #expect(result == theirs) } else { #expect(result.hasPrefix(mine) && result.contains(theirs)) }
            }
            copiedText(\.objective, when: .objective)
            copiedText(\.rangeOfMotion, when: .objective)
            copiedText(\.tests, when: .objective)
            copiedText(\.plan, when: .plan)
            #expect(copied.findings == (parts.contains(.objective) ? draft.findings.union(last.findings) : draft.findings))
            #expect(draft.bodyChart.marks.allSatisfy(copied.bodyChart.marks.contains), "the draft's marks stay")
            #expect(Set(copied.bodyChart.marks.map(\.region)) == Set((draft.bodyChart.marks + (parts.contains(.bodyChart) ? last.bodyChart.marks : [])).map(\.region)))
            #expect(Array(copied.techniques.prefix(draft.techniques.count)) == draft.techniques, "techniques already ticked stay as they are")
            #expect(Set(copied.techniques.map(\.technique))
                    == Set((draft.techniques + (parts.contains(.techniques) ? last.techniques : [])).map(\.technique)))
            #expect(copied.subjective == draft.subjective && copied.painNow == draft.painNow, "Subjective is always today's")
            #expect(copied.id == draft.id && copied.createdAt == draft.createdAt && copied.status == .draft)
        }
    }

    @Test func theSourceIsTheNewestSignedVisitOrItsLatestAmendment() {
        let first = Self.note([1, 2, 3, 4, 5, 6], at: 1_000), second = Self.note([2, 3, 4, 5, 6, 7], at: 2_000)
        var amendment = Self.note([3, 4, 5, 6, 7, 8], at: 3_000)
        amendment.amends = second.id
        let unsigned = Self.note([4, 5, 6, 7, 8, 9], at: 4_000, status: .draft)
        let draft = Self.note([5, 6, 7, 8, 9, 10], at: 5_000, status: .draft)
        #expect(CopyForward.source(for: draft, in: [first, second, amendment, unsigned, draft])?.id == amendment.id)
        #expect(CopyForward.source(for: draft, in: [first, unsigned, draft])?.id == first.id)
        #expect(CopyForward.source(for: draft, in: [unsigned, draft]) == nil, "a draft is never copied from")
    }

    @Test func aTemplateAddsItsWordsAndKeepsWhatWasTyped() async {
        let word = Gen.int(in: 0...(Self.words.count - 1))
        await propertyCheck(count: 300, input: Gen.int(in: 0...40).array(of: 6...6), word, word) { seed, typedIndex, wordsIndex in
            let typed = Self.words[typedIndex], words = Self.words[wordsIndex]
            var draft = Self.note(seed, at: 5_000, status: .draft)
            draft.subjective = typed
            let template = NoteTemplate(name: "Follow-up", subjective: words, plan: "Reassess in 4 visits.",
                                        techniques: [.init(technique: .swedish, areas: [.lumbarLeft], pressure: .light, minutes: 20)],
                                        updatedAt: Instant(milliseconds: 0))
            let filled = template.filling(draft)
            #expect(filled.subjective.contains(typed) && filled.subjective.contains(words), "nothing typed is lost")
            #expect(filled.plan.hasSuffix("Reassess in 4 visits."))
            #expect(Array(filled.techniques.prefix(draft.techniques.count)) == draft.techniques, "ticked techniques keep their details")
            #expect(filled.techniques.filter { $0.technique == .swedish }.count == 1)
            #expect(template.filling(filled) == filled, "choosing it twice adds nothing more")
        }
    }

    @Test func aTemplateNeedsANameAndSensibleMinutes() {
        let bad = NoteTemplate(name: " ", techniques: [.init(technique: .cupping, areas: [], pressure: .light, minutes: 0)], updatedAt: Instant(milliseconds: 0))
        #expect(bad.problems.map(\.field) == ["name", "technique-cupping-minutes"])
    }
}
