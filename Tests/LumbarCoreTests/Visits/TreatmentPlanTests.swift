import LumbarCore
import Testing

/// A plan's rules: goals, a chosen technique the assessment cautions against needs a note, sensible numbers.
@Suite struct TreatmentPlanTests {
    static let today = LocalDate(year: 2026, month: 11, day: 24)!

    static func plan(_ choices: [TreatmentPlan.TechniqueChoice], goals: [String] = ["Lift my toddler"], visits: Int = 6,
                     reassess: LocalDate = today.adding(days: 28)) -> TreatmentPlan {
        TreatmentPlan(clientId: "c", intakeId: nil, goals: goals, techniques: choices, areas: [.lumbarLeft, .glutealRight], pressure: .moderate,
                      frequency: "once a week", visits: visits, reassessOn: reassess, createdBy: "t", createdAt: Instant(milliseconds: 0))
    }

    @Test func overridingTheAssessmentNeedsAReason() {
        let cautioned = Self.plan([.init(technique: .deepTissue, engineStatus: .caution, chosen: true), .init(technique: .swedish, engineStatus: .recommended, chosen: true)])
        #expect(cautioned.problems(today: Self.today).map(\.field) == ["note-deep-tissue"])
        var explained = cautioned
        explained.techniques[0].note = "Light pressure only, client on low-dose aspirin"
        #expect(explained.problems(today: Self.today).isEmpty)
        #expect(TreatmentPlan.techniques(fromLines: explained.techniqueLines) == explained.techniques)
        #expect(explained.sensitiveAreas == [.gluteal])
    }

    @Test func goalsTechniquesAndNumbersAreChecked() {
        let empty = Self.plan([.init(technique: .swedish, engineStatus: nil, chosen: false)], goals: [" "], visits: 0, reassess: Self.today.adding(days: -1))
        #expect(Set(empty.problems(today: Self.today).map(\.field)) == ["goals", "techniques", "visits", "reassessOn"])
    }
}
