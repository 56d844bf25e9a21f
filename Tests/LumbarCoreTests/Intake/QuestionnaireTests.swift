import LumbarCore
import PropertyBased
import Testing

/// Built-in scoring, and definition files checked against their scoring's shape.
@Suite struct QuestionnaireTests {
    @Test(arguments: Instrument.allCases)
    func shippedDefinitionsRoundTripThroughTheirFileFormat(instrument: Instrument) throws {
        let shipped = try #require(QuestionnaireLibrary.shipped[instrument])
        #expect(try QuestionnaireDefinition.parse(shipped.json).get() == shipped)
        // Only our own wording is shipped as real; the licensed three say plainly they are demos.
        #expect(shipped.demo == [.rmdq, .odi, .startBack].contains(instrument))
        if shipped.demo { #expect(shipped.notice.contains("DEMO")) }
    }

    static func refusal(_ text: String) -> [String] {
        if case .failure(let refusal) = QuestionnaireDefinition.parse(text) { return refusal.problems }
        return []
    }

    static func file(_ instrument: String, _ items: [String]) -> String {
        "{\"instrument\":\"\(instrument)\",\"version\":\"clinic-1\",\"title\":\"T\",\"items\":[\(items.joined(separator: ","))]}"
    }

    static func item(_ id: Int, _ options: [(String, Int)]) -> String {
        "{\"id\":\"\(id)\",\"text\":\"Item \(id)\",\"options\":[" + options.map { "{\"value\":\"\($0.0)\",\"label\":\"\($0.0)\",\"score\":\($0.1)}" }.joined(separator: ",") + "]}"
    }

    @Test func aDefinitionThatDoesNotFitItsScoringIsRefusedWithTheReason() {
        let yesNo = [("yes", 1), ("no", 0)]
        let rmdq23 = Self.refusal(Self.file("rmdq", (1...23).map { Self.item($0, yesNo) }))
        #expect(rmdq23 == ["rmdq needs exactly 24 items; the file has 23."])
        let odiBadScores = Self.refusal(Self.file("odi", (1...10).map { Self.item($0, (0...5).map { ("s\($0)", $0 == 5 ? 6 : $0) }) }))
        #expect(odiBadScores.count == 10 && odiBadScores[0].contains("six statements scored 0 to 5"))
        let startBackWrongItem9 = Self.refusal(Self.file("start-back", (1...8).map { Self.item($0, [("agree", 1), ("disagree", 0)]) } + [Self.item(9, yesNo)]))
        #expect(startBackWrongItem9.count == 1 && startBackWrongItem9[0].contains("not-at-all"))
        #expect(Self.refusal("{\"instrument\":\"sf36\",\"version\":\"1\",\"title\":\"T\",\"items\":[]}").contains { $0.contains("instrument must be one of") })
        #expect(Self.refusal("not json").first?.contains("not valid JSON") == true)
        #expect(Self.refusal(Self.file("nprs", [Self.item(1, [("0", 0)])])).first?.contains("ratings 0 to 10") == true)
        let good = Self.file("rmdq", (1...24).map { Self.item($0, yesNo) })
        #expect(Self.refusal(good).isEmpty)
    }

    @Test func rmdqIsTheCountOfYes() async {
        await propertyCheck(count: 200, input: Gen.bool.array(of: 24)) { answers in
            let score = Instrument.rmdq.score(answers.map { $0 ? 1 : 0 })
            #expect(score == Double(answers.filter { $0 }.count))
            #expect(Instrument.rmdq.range.contains(score!))
        }
    }

    @Test func odiScalesToTheSectionsAnswered() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...5).array(of: 10), Gen.int(in: 0...3)) { sections, skipped in
            var chosen: [Int?] = sections
            for index in 0..<skipped { chosen[index] = nil }
            let score = Instrument.odi.score(chosen)
            if skipped > 2 {
                #expect(score == nil)
            } else {
                let answered = sections.dropFirst(skipped)
                #expect(score == (Double(answered.reduce(0, +)) / Double(5 * answered.count) * 100).rounded())
                #expect(Instrument.odi.range.contains(score!))
            }
        }
        #expect(Instrument.odi.score(Array(repeating: 5, count: 10)) == 100)
    }

    @Test func startBackThroughItsDefinitionMatchesTheEngine() async throws {
        let definition = try #require(QuestionnaireLibrary.shipped[.startBack])
        await propertyCheck(count: 200, input: Gen.bool.array(of: 8), Gen<Bothersomeness>.case) { agrees, bother in
            let values = agrees.map { $0 ? "agree" : "disagree" } + [bother.rawValue]
            let chosen = values.enumerated().map { definition.option(item: $0.offset, value: $0.element)?.score }
            let score = Instrument.startBack.score(chosen)
            #expect(score == Double(StartBackScore(StartBackAnswers(answers: agrees, bothersomeness: bother)).total))
        }
    }

    @Test func psfsIsTheMeanOfUpToFiveActivities() {
        #expect(Instrument.psfs.score([4, 6]) == 5)
        #expect(Instrument.psfs.score([]) == nil)
        #expect(Instrument.psfs.score([1, 2, 3, 4, 5, 6]) == nil)
        #expect(Instrument.nprs.meaningfulChange.points == 2 && Instrument.odi.meaningfulChange.points == 10)
    }
}
