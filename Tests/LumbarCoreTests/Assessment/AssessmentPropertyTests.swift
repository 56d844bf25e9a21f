import LumbarCore
import PropertyBased
import Testing

/// Invariants of the engine over random valid inputs.
@Suite struct AssessmentPropertyTests {
    /// A random valid input assembled from generated parts.
    static func input(
        _ days: Int, _ ageAndPain: [Int], _ findings: [Finding], _ factors: [Factor], _ shape: [Int], _ startBack: [Bool]
    ) -> AssessmentInput {
        let assessedOn = LocalDate(year: 2026, month: 11, day: 24)!
        return AssessmentInput(
            assessedOn: assessedOn, age: ageAndPain[0], onset: shape[0] == 0 ? .sudden : .gradual,
            painStartedOn: assessedOn.adding(days: -days), painNow: ageAndPain[1],
            legPain: LegPain.allCases[shape[1] % 3], legSides: LegSides.allCases[shape[2] % 3],
            factors: Set(factors), findings: Set(findings),
            pressurePreference: shape[3] == 3 ? nil : PressurePreference.allCases[shape[3]],
            medicallyAssessed: shape[4] == 1, pregnancyWeeks: shape[5] == 0 ? nil : shape[5],
            startBack: startBack.count == 9 ? StartBackAnswers(answers: Array(startBack[0..<8]), bothersomeness: startBack[8] ? .extremely : .slightly) : nil)
    }

    static let days = Gen.int(in: 0...1500)
    static let ageAndPain = Gen.int(in: 0...10).array(of: 2).map { [$0[0] * 12, $0[1]] }
    static let findings = Gen<Finding>.case.array(of: 0...6)
    static let factors = Gen<Factor>.case.array(of: 0...4)
    static let shape = Gen.int(in: 0...1).array(of: 6).map { [$0[0], $0[1] * 2, $0[2] * 2, $0[3] * 3, $0[4], $0[5] * 30] }
    static let startBack = Gen.bool.array(of: 0...9)

    @Test func allSixTechniquesInContractOrder() async {
        await propertyCheck(count: 300, input: Self.days, Self.ageAndPain, Self.findings, Self.factors, Self.shape, Self.startBack) {
            let result = AssessmentEngine().assess(Self.input($0, $1, $2, $3, $4, $5))
            #expect(result.techniques.map(\.technique) == Technique.allCases)
            #expect(result.techniques.allSatisfy { !$0.reasons.isEmpty })
        }
    }

    @Test func deferMeansNothingHandsOnAndNoSelfCare() async {
        await propertyCheck(count: 300, input: Self.days, Self.ageAndPain, Self.findings, Self.factors, Self.shape, Self.startBack) {
            let result = AssessmentEngine().assess(Self.input($0, $1, $2, $3, $4, $5))
            if result.decision == .deferTreatment {
                #expect(result.techniques.allSatisfy { $0.status == .contraindicated })
                #expect(result.selfCare.isEmpty)
            }
            if result.urgency >= .urgent { #expect(result.decision == .deferTreatment) }
        }
    }

    @Test func addingAFindingNeverLoosens() async {
        await propertyCheck(count: 400, input: Self.days, Self.ageAndPain, Self.findings, Self.factors, Self.shape, Gen<Finding>.case) {
            days, ageAndPain, findings, factors, shape, extra in
            let engine = AssessmentEngine()
            let before = Self.input(days, ageAndPain, findings, factors, shape, [])
            var after = before
            after.findings.insert(extra)
            let old = engine.assess(before)
            let new = engine.assess(after)
            #expect(new.urgency >= old.urgency, "adding \(extra)")
            #expect(new.decision >= old.decision, "adding \(extra)")
            for (a, b) in zip(old.techniques, new.techniques) {
                #expect(b.status.strictness >= a.status.strictness, "adding \(extra) to \(a.technique)")
            }
        }
    }

    @Test func deterministicAndValidJSON() async {
        await propertyCheck(count: 200, input: Self.days, Self.ageAndPain, Self.findings, Self.factors, Self.shape, Self.startBack) {
            let input = Self.input($0, $1, $2, $3, $4, $5)
            let first = AssessmentEngine().assess(input)
            #expect(first == AssessmentEngine().assess(input))
            #expect((try? JSONValue.parse(first.json)) != nil)
            // The input survives a trip through its own JSON form.
            #expect((try? AssessmentInputDecoder.decode(Array(input.json.utf8)).get()) == input)
        }
    }
}
