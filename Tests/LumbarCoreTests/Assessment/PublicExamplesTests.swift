import LumbarCore
import Testing

/// The three public examples of shared/spec/assessment.md.
@Suite struct PublicExamplesTests {
    @Test func acuteStrain() throws {
        let result = try AssessmentFixtures.assess("""
            {"assessedOn":"2026-11-24","age":34,"onset":"sudden","painStartedOn":"2026-11-23",
             "painNow":6,"legPain":"none","legSides":"none","factors":["lifting-strain"],"findings":["acute-inflammation","hypertonicity"]}
            """)
        #expect(result.phase == .acute)
        #expect(result.urgency == .none)
        #expect(result.decision == .modify)
        #expect(result.status(of: .deepTissue) != .recommended)
        #expect(result.status(of: .cupping) != .recommended)
        #expect(result.status(of: .swedish) == .recommended)
        #expect(result.thermal == .cold)
        #expect(result.thermalText.contains("Wednesday 25 November 2026"))
    }

    @Test func caudaEquina() throws {
        let result = try AssessmentFixtures.assess("""
            {"assessedOn":"2026-11-24","age":52,"onset":"gradual","painStartedOn":"2026-11-10",
             "painNow":7,"legPain":"below-knee","legSides":"both","findings":["saddle-numbness","bladder-dysfunction"]}
            """)
        #expect(result.urgency == .emergency)
        #expect(result.decision == .deferTreatment)
        #expect(result.techniques.allSatisfy { $0.status == .contraindicated })
        #expect(result.selfCare.isEmpty)
        #expect(result.referralReasons.map(\.code).contains("cauda-equina"))
    }

    @Test func chronicPostural() throws {
        let result = try AssessmentFixtures.assess("""
            {"assessedOn":"2026-11-24","age":45,"onset":"gradual","painStartedOn":"2026-03-01",
             "painNow":4,"legPain":"none","legSides":"none","factors":["poor-posture","prolonged-sitting","weak-core"],
             "findings":["muscle-knots","fascial-restriction"],"medicallyAssessed":true}
            """)
        #expect(result.phase == .chronic)
        #expect(result.urgency == .none)
        #expect(result.decision == .proceed)
        #expect(result.status(of: .deepTissue) == .recommended)
        #expect(result.status(of: .myofascialRelease) == .recommended)
        let selfCare = Set(result.selfCare.map(\.code))
        #expect(selfCare.isSuperset(of: [.hipFlexorStretch, .plank, .bridge, .lumbarCushion]))
        #expect(result.thermal == .heat)
    }

    @Test func outputIsContractJSON() throws {
        let result = try AssessmentFixtures.assess([:])
        guard case .object(let members) = try JSONValue.parse(result.json) else {
            Issue.record("output is not a JSON object")
            return
        }
        #expect(members.map(\.key) == ["contract", "phase", "referral", "treatment", "techniques", "selfCare", "thermal", "yellowFlags"])
        #expect(members.first?.value == .number(1))
    }
}
