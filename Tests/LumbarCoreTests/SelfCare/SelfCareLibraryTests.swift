import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// The library, its pictures, and the rules that start and dose a program.
@Suite struct SelfCareLibraryTests {
    @Test func everyContractItemIsInTheLibraryWithVariantsForTheExercises() {
        for code in SelfCareCode.allCases { #expect(ExerciseLibrary.variants(of: code).contains { $0.level == .standard }, "\(code)") }
        for code in [SelfCareCode.plank, .bridge, .hipFlexorStretch] {
            #expect(ExerciseLibrary.variants(of: code).map(\.level) == [.easier, .standard, .harder], "\(code)")
        }
        for code in [SelfCareCode.catCow, .childsPose] { #expect(ExerciseLibrary.variants(of: code).first?.level == .easier) }
        for exercise in ExerciseLibrary.items {
            #expect(exercise.steps.count >= 3 && !exercise.feel.isEmpty && !exercise.stop.isEmpty && !exercise.phases.isEmpty, "\(exercise.id)")
            #expect(exercise.dose.problems(prefix: "").isEmpty, "\(exercise.id) default dose")
        }
        #expect(Set(ExerciseLibrary.items.map(\.id)).count == ExerciseLibrary.items.count)
    }

    /// Collects every element and the numbers in its geometry attributes.
    final class SVGReader: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var viewBox: [Double] = []
        var numbers: [(element: String, x: Double?, y: Double?)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            elements.append(name)
            if name == "svg" { viewBox = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) } }
            if let d = attributes["d"] {
                let values = d.split(whereSeparator: { "MLQ ".contains($0) }).compactMap { Double($0) }
                for index in stride(from: 0, to: values.count - 1, by: 2) { numbers.append((name, values[index], values[index + 1])) }
            }
            for (x, y) in [("x", "y"), ("cx", "cy")] {
                if let xs = attributes[x].flatMap(Double.init), let ys = attributes[y].flatMap(Double.init) { numbers.append((name, xs, ys)) }
            }
        }
    }

    @Test(arguments: ExerciseLibrary.items.map(\.id))
    func eachIllustrationRendersInsideItsViewBox(id: String) throws {
        let exercise = try #require(ExerciseLibrary.exercise(id))
        let svg = Illustration.svg(exercise)
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "well-formed XML")
        #expect(reader.viewBox.count == 4 && reader.viewBox[2] > 0 && reader.viewBox[3] > 0)
        #expect(reader.elements.filter { $0 == "path" }.count >= 8, "two figures of several strokes each")
        #expect(reader.elements.filter { $0 == "circle" }.count >= 2, "a head in each position")
        #expect(reader.elements.filter { $0 == "text" }.count == 2, "both positions labelled")
        for point in reader.numbers {
            #expect((0...reader.viewBox[2]).contains(point.x ?? 0) && (0...reader.viewBox[3]).contains(point.y ?? 0), "\(id): \(point) outside the view box")
        }
        for figure in [exercise.start, exercise.end] {
            // Every joint, with the head's radius, stays inside its own panel so the two positions never overlap.
            #expect(figure.points.allSatisfy { (0...Illustration.panelWidth).contains($0.x) && (0...Illustration.panelHeight).contains($0.y) })
            #expect(figure.head.y - 9 >= 0)
        }
        #expect(exercise.start != exercise.end, "the two positions differ")
    }

    @Test func acuteOrSeverePainStartsEasierAndHarderIsNeverAStart() async {
        await propertyCheck(count: 200, input: Gen<SelfCareCode>.case, Gen<Phase>.case, Gen.int(in: 0...10)) { code, phase, pain in
            let start = HomeProgramRules.startingVariant(code, phase: phase, painNow: pain)!
            #expect(start.code == code)
            #expect(start.level != .harder)
            let easierExists = ExerciseLibrary.variants(of: code).contains { $0.level == .easier && $0.phases.contains(phase) }
            if (phase == .acute || pain >= 7) && easierExists { #expect(start.level == .easier) }
            if phase != .acute && pain < 7 { #expect(start.level == .standard) }
        }
    }

    @Test func suggestionsFollowTheEngineAndCautionsFlagMismatches() {
        let input = AssessmentInput(assessedOn: LocalDate(year: 2026, month: 11, day: 24)!, age: 40, onset: .sudden,
                                    painStartedOn: LocalDate(year: 2026, month: 11, day: 23)!, painNow: 6, legPain: .none, legSides: .none,
                                    factors: [.prolongedSitting, .weakCore])
        let assessment = AssessmentEngine().assess(input)
        let items = HomeProgramRules.suggestions(assessment, painNow: input.painNow)
        #expect(items.map { ExerciseLibrary.exercise($0.exerciseId)!.code } == assessment.selfCare.map(\.code))
        #expect(items.contains { $0.exerciseId == "plank-knees" } && items.contains { $0.exerciseId == "bridge-small" }, "acute: easier core work")
        #expect(HomeProgramRules.caution(ExerciseLibrary.exercise("plank-leg-lift")!, phase: .acute) != nil)
        #expect(HomeProgramRules.caution(ExerciseLibrary.exercise("plank")!, phase: .chronic) == nil)
        #expect(HomeProgramRules.progression(ExerciseLibrary.exercise("bridge-small")!)?.id == "bridge")
        #expect(HomeProgramRules.progression(ExerciseLibrary.exercise("bridge-single-leg")!) == nil)
    }

    @Test func dosesReadPlainlyAndBadOnesAreNamed() {
        #expect(Dose(sets: 2, reps: 10, holdSeconds: 5, often: "once a day").text == "2 sets of 10, hold 5 seconds, once a day")
        #expect(Dose(sets: 3, holdSeconds: 30, often: "twice a day").text == "3 times, hold 30 seconds, twice a day")
        #expect(Dose(minutes: 15, often: "every 2 hours").text == "15 minutes, every 2 hours")
        let problems = HomeProgram(clientId: "c", intakeId: nil, items: [
            .init(exerciseId: "plank", dose: Dose(sets: 0, holdSeconds: 400, often: "")),
            .init(exerciseId: "plank", dose: Dose(often: "")),
        ], note: "", injuredAt: nil, createdBy: "t", createdAt: Instant(milliseconds: 0)).problems.map(\.field)
        #expect(problems.contains("items") && problems.contains("item-plank-sets") && problems.contains("item-plank-hold") && problems.contains("item-plank-often"))
        let program = HomeProgram(clientId: "c", intakeId: nil, items: [.init(exerciseId: "bridge", dose: Dose(sets: 2, reps: 10, often: "daily"), note: "Slowly")],
                                  note: "", injuredAt: nil, createdBy: "t", createdAt: Instant(milliseconds: 0))
        #expect(HomeProgram.items(fromJSON: program.itemsJSON) == program.items, "items round-trip through storage")
    }

    @Test func coldUntilIsFortyEightRealHoursAcrossTheClockChange() throws {
        let toronto = try #require(FoundationZone(identifier: "America/Toronto"))
        // Saturday 31 October 2026, 18:00 in Toronto; the clocks go back at 02:00 on Sunday 1 November.
        let injured = try #require(toronto.instant(LocalDateTime(LocalDate(year: 2026, month: 10, day: 31)!, WallTime("18:00")!)))
        let plan = ThermalPlan(injuredAt: injured, now: injured.adding(seconds: 3600), zone: toronto)
        #expect(plan.coldNow && plan.advice == "Cold packs until Monday 2 November 2026 at 17:00, then heat.")
        let later = ThermalPlan(injuredAt: injured, now: injured.adding(seconds: 49 * 3600), zone: toronto)
        #expect(!later.coldNow && later.advice.hasPrefix("Heat"))
    }

    @Test func adherenceTakesTheLatestEntryEachDay() async {
        let today = LocalDate(year: 2026, month: 11, day: 24)!
        func log(_ daysBack: Int, _ done: ProgramLog.Done, _ pain: Int, at: Int64) -> ProgramLog {
            ProgramLog(programId: "p", day: today.adding(days: -daysBack), done: done, pain: pain, note: "", at: Instant(milliseconds: at))
        }
        let adherence = Adherence([log(0, .yes, 4, at: 5), log(1, .no, 6, at: 2), log(1, .partly, 5, at: 3), log(3, .yes, 7, at: 1)], through: today, days: 7)
        #expect(adherence.count(.yes) == 2 && adherence.count(.partly) == 1 && adherence.count(.no) == 0 && adherence.logged == 3)
        #expect(adherence.summary == "Over the last 7 days: did it all on 2, some on 1, none on 0, no entry on 4. Pain 7 → 4 (0–10).")
        await propertyCheck(count: 200, input: Gen.int(in: 0...(3 * 11 * 10 - 1)).array(of: 0...20)) { codes in
            let logs = codes.enumerated().map { index, code in
                log(code % 10, ProgramLog.Done.allCases[(code / 10) % 3], (code / 30) % 11, at: Int64(index))
            }
            let adherence = Adherence(logs, through: today, days: 7)
            #expect(adherence.logged == Set(logs.map(\.day).filter { $0 > today.adding(days: -7) }).count)
            #expect(adherence.count(.yes) + adherence.count(.partly) + adherence.count(.no) == adherence.logged)
            for day in adherence.days where day.done != nil {
                #expect(day.done == logs.last { $0.day == day.day }?.done, "the latest entry of a day wins")
            }
        }
        let chart = AdherenceChart.svg(adherence)
        #expect(chart.contains("<rect") && chart.contains("<path d=\"M"))
    }
}
