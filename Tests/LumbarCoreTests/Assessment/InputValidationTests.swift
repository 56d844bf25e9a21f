import LumbarCore
import Testing

/// Bad input is rejected whole, with every problem naming its field.
@Suite struct InputValidationTests {
    static func problems(_ text: String) -> [AssessmentProblem] {
        switch AssessmentInputDecoder.decode(Array(text.utf8)) {
        case .success: return []
        case .failure(let problems): return problems.problems
        }
    }

    static func fields(_ text: String) -> [String] { problems(text).map(\.field) }

    static let required = ["assessedOn", "age", "onset", "painStartedOn", "painNow", "legPain", "legSides"]

    @Test(arguments: required)
    func missingRequiredField(_ field: String) {
        var fields = AssessmentFixtures.neutral
        fields[field] = nil
        let text = "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        #expect(Self.problems(text) == [AssessmentProblem(field: field, message: "is required")])
    }

    @Test func everythingMissingNamesEveryField() {
        #expect(Self.fields("{}") == Self.required)
    }

    @Test(arguments: ["onset", "legPain", "legSides", "pressurePreference"])
    func unknownEnumValue(_ field: String) {
        let found = Self.problems(AssessmentFixtures.json([field: "\"sideways\""]))
        #expect(found.map(\.field) == [field])
        #expect(found.first?.message.contains("unknown code \"sideways\"") == true)
    }

    @Test func unknownCodesInListsNameTheirIndex() {
        let text = AssessmentFixtures.json(["factors": "[\"stress\",\"gravity\"]", "findings": "[\"spooky\"]"])
        #expect(Self.fields(text) == ["factors[1]", "findings[0]"])
    }

    @Test func outOfRangeNumbers() {
        #expect(Self.problems(AssessmentFixtures.json(["painNow": "11"])).map(\.description) == ["painNow: must be 0-10, got 11"])
        #expect(Self.fields(AssessmentFixtures.json(["age": "-1"])) == ["age"])
        #expect(Self.fields(AssessmentFixtures.json(["age": "121"])) == ["age"])
        #expect(Self.fields(AssessmentFixtures.json(["age": "34.5"])) == ["age"])
        #expect(Self.fields(AssessmentFixtures.json(["pregnancyWeeks": "0"])) == ["pregnancyWeeks"])
        #expect(Self.fields(AssessmentFixtures.json(["pregnancyWeeks": "43"])) == ["pregnancyWeeks"])
        #expect(Self.fields(AssessmentFixtures.json(["painNow": "\"5\""])) == ["painNow"])
    }

    @Test func datesMustBeRealAndInOrder() {
        #expect(Self.fields(AssessmentFixtures.json(["assessedOn": "\"2026-02-30\""])) == ["assessedOn"])
        #expect(Self.fields(AssessmentFixtures.json(["assessedOn": "\"24/11/2026\""])) == ["assessedOn"])
        let reversed = Self.problems(AssessmentFixtures.json(["painStartedOn": "\"2026-11-25\""]))
        #expect(reversed.map(\.field) == ["painStartedOn"])
        #expect(reversed.first?.message.contains("on or before assessedOn") == true)
    }

    @Test func startBackShape() {
        #expect(Self.fields(AssessmentFixtures.json(["startBack": "{\"answers\":[true],\"bothersomeness\":\"slightly\"}"])) == ["startBack.answers"])
        #expect(Self.fields(AssessmentFixtures.json(["startBack": "{\"answers\":[1,0,0,0,0,0,0,0],\"bothersomeness\":\"slightly\"}"])) == ["startBack.answers"])
        #expect(Self.fields(AssessmentFixtures.json(["startBack": "{\"answers\":[true,true,true,true,true,true,true,true]}"])) == ["startBack.bothersomeness"])
        #expect(Self.fields(AssessmentFixtures.json(["startBack": "{\"answers\":[true,true,true,true,true,true,true,true],\"bothersomeness\":\"loads\"}"])) == ["startBack.bothersomeness"])
        #expect(Self.fields(AssessmentFixtures.json(["startBack": "true"])) == ["startBack"])
    }

    @Test func wrongTypesAndUnknownFields() {
        #expect(Self.fields(AssessmentFixtures.json(["medicallyAssessed": "\"yes\""])) == ["medicallyAssessed"])
        #expect(Self.fields(AssessmentFixtures.json(["factors": "\"stress\""])) == ["factors"])
        #expect(Self.fields(AssessmentFixtures.json(["surname": "\"Smith\""])) == ["surname"])
    }

    @Test(arguments: ["", "{", "[1,2]", "{\"age\":}", "{\"age\":1,}", "nul", "{\"a\":1} x", "\"\\ud800\"", "{\"a\":1,\"a\":2}"])
    func malformedJSONIsNamed(_ text: String) {
        let found = Self.problems(text)
        #expect(found.count == 1)
        #expect(found.first?.field == "body")
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = Array("{\"onset\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
        guard case .failure(let problems) = AssessmentInputDecoder.decode(bytes) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(problems.problems.first?.message.contains("UTF-8") == true)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(Self.fields(text) == ["body"])
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        let input = try AssessmentFixtures.input(AssessmentFixtures.json(["pregnancyWeeks": "null", "factors": "null"]))
        #expect(input.pregnancyWeeks == nil)
        #expect(input.factors.isEmpty)
    }
}

/// The engine compares codes by their one-byte case index; this checks that layout holds for every vocabulary.
@Suite struct ContractCodeLayoutTests {
    func check<Code: ContractCode>(_: Code.Type) {
        #expect(MemoryLayout<Code>.size == 1)
        for (index, code) in Code.allCases.enumerated() {
            #expect(code.ordinal == index, "\(code.rawValue)")
        }
    }

    @Test func ordinalsFollowDeclarationOrder() {
        check(Onset.self); check(LegPain.self); check(LegSides.self); check(PressurePreference.self)
        check(Bothersomeness.self); check(Factor.self); check(Finding.self); check(Phase.self); check(Urgency.self)
        check(TreatmentDecision.self); check(Technique.self); check(TechniqueStatus.self); check(SelfCareCode.self)
        check(ThermalCode.self)
        #expect(Finding.allCases.count <= 64, "findings must fit the context's 64-bit set")
    }
}

/// A body with very many bad items is described only as far as an answer lists problems: the rest are counted, with
/// no long message built for each (the allowed codes are listed only for the first ones).
@Suite struct ManyProblemsTests {
    @Test func problemsPastTheListedOnesAreCountedNotDescribed() {
        let bad = Array(repeating: "1", count: 2_000).joined(separator: ",")
        let problems = InputValidationTests.problems("{\"factors\":[\(bad)]}")
        #expect(problems.count > 2_000, "every bad item still counts")
        let described = problems.prefix(ProblemListing.limit)
        #expect(described.allSatisfy { $0.message != "is not valid either" })
        #expect(described.filter { $0.field.hasPrefix("factors[") }.allSatisfy { $0.message.hasPrefix("must be one of ") },
                "the first bad items list the allowed codes")
        #expect(problems.dropFirst(ProblemListing.limit).allSatisfy { $0.message == "is not valid either" })
    }
}
