import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LumbarCore
import PropertyBased
import Testing

/// Visit notes: what signing needs, today's assessment, and the body chart as codes.
@Suite struct VisitNoteTests {
    static let day = LocalDate(year: 2026, month: 11, day: 24)!
    static let intake = AssessmentInput(assessedOn: LocalDate(year: 2026, month: 11, day: 1)!, age: 44, onset: .gradual,
                                        painStartedOn: LocalDate(year: 2026, month: 10, day: 20)!, painNow: 6, legPain: .none, legSides: .none,
                                        factors: [.prolongedSitting])

    @Test func aNewRedFlagAtTheVisitRaisesTheUrgencyAtOnce() {
        var note = VisitNote(clientId: "c", authorId: "t", painNow: 4, createdAt: Instant(milliseconds: 0))
        let routine = AssessmentEngine().assess(note.assessmentInput(intake: Self.intake, on: Self.day))
        #expect(routine.urgency == .none)
        note.findings = [.saddleNumbness, .hypertonicity]
        let input = note.assessmentInput(intake: Self.intake, on: Self.day)
        #expect(input.painNow == 4 && input.assessedOn == Self.day && input.findings.isSuperset(of: [.saddleNumbness, .hypertonicity]))
        #expect(AssessmentEngine().assess(input).urgency == .emergency)
    }

    @Test func signingNeedsPainSubjectivePlanAndSpokenGlutealConsent() {
        var note = VisitNote(clientId: "c", authorId: "t", createdAt: Instant(milliseconds: 0))
        #expect(Set(note.signingProblems.map(\.field)) == ["painNow", "subjective", "plan"])
        note.painNow = 3
        note.subjective = "Better after last week."
        note.plan = "Weekly for 3 more visits."
        #expect(note.signingProblems.isEmpty)
        note.techniques = [.init(technique: .triggerPoint, areas: [.glutealLeft], pressure: .moderate, minutes: 10)]
        #expect(note.signingProblems.map(\.field) == ["glutealVerbalConsent"])
        note.glutealVerbalConsent = true
        note.amends = "original"
        #expect(note.signingProblems.map(\.field) == ["amendReason"], "an amendment says why")
        #expect(VisitNote.techniques(from: note.techniqueEntries) == note.techniques)
    }

    @Test func bodyChartMarksAreRegionCodesAndBadOnesAreNamed() async {
        let parsed = BodyChart.parse(["lumbar-left:pain:7", "gluteal-right:trigger-point:4", "lumbar-left:pain:2", "elbow:pain:3", "sacrum:tension:11"])
        #expect(parsed.chart.entries == ["lumbar-left:pain:7", "gluteal-right:trigger-point:4"], "one mark per region and kind, the first kept")
        #expect(parsed.problems.count == 2)
        await propertyCheck(count: 100, input: Gen<BodyRegion>.case.array(of: 0...8), Gen<BodyChart.Kind>.case, Gen.int(in: 1...10)) { regions, kind, strength in
            let chart = BodyChart(regions.map { .init(region: $0, kind: kind, intensity: strength) })
            #expect(BodyChart.parse(chart.entries).chart == chart, "marks round-trip through storage")
            #expect(Set(chart.marks.map(\.region)) == Set(regions))
        }
    }

    @Test func theChartDrawsEveryRegionOnceInsideItsPanel() throws {
        let svg = BodyChart([.init(region: .lumbarRight, kind: .pain, intensity: 8)]).svg(title: "Today")
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
        for region in BodyRegion.allCases {
            #expect(svg.contains("data-region=\"\(region.rawValue)\""))
            #expect(region.outline.allSatisfy { (0...200).contains($0.0) && (0...300).contains($0.1) })
        }
        let rest = svg[try #require(svg.range(of: "data-region=\"lumbar-right\"")).lowerBound...]
        let group = rest[..<(rest.range(of: "</g></g>")?.lowerBound ?? rest.endIndex)]
        #expect(group.contains("href=\"#symbol-pain\"") && group.contains(">8</text>"), "the mark shows its kind's symbol and its strength")
        #expect(!svg.contains(">P8<"), "no letter codes that read as vertebrae")
    }

    /// The figure a therapist taps: one drawing per view, so a phone stacks them at full width, and no region so thin
    /// that a finger misses it there (15 of a view's 200 units is about 24 px on a 390 px screen).
    @Test func theInputFigureDrawsEachViewOnItsOwnWithRegionsBigEnoughToTap() throws {
        let html = BodyChart([.init(region: .sacrum, kind: .tension, intensity: 3)]).inputSVG(title: "Tap a region")
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let views = html.components(separatedBy: "class=\"chart-input\"").dropFirst()
        #expect(views.count == BodyRegion.View.allCases.count)
        for (view, drawing) in zip(BodyRegion.View.allCases, views) {
            for region in BodyRegion.allCases {
                #expect(drawing.contains("data-region=\"\(region.rawValue)\"") == (region.view == view), "\(region) drawn in its own view only")
            }
            #expect(drawing.contains(">Left</text>") && drawing.contains(">Right</text>"), "the client's sides are named")
        }
        for region in BodyRegion.allCases {
            let xs = region.outline.map(\.0), ys = region.outline.map(\.1)
            #expect(min(xs.max()! - xs.min()!, ys.max()! - ys.min()!) >= 15, "\(region.label) is wide enough to tap")
        }
        #expect(html.components(separatedBy: "id=\"symbol-tension\"").count - 1 == 1, "the symbols are defined once for both views")
    }

    /// Each kind is told apart by colour, symbol and pattern, and the legend under the figures names them all.
    @Test func everyKindHasItsOwnColourSymbolAndALegendLine() throws {
        let kinds = BodyChart.Kind.allCases
        #expect(Set(kinds.map(\.colour)).count == kinds.count && Set(kinds.map(\.symbol)).count == kinds.count)
        let chart = BodyChart(kinds.enumerated().map { .init(region: BodyRegion.allCases[$0.offset], kind: $0.element, intensity: $0.offset + 2) })
        let svg = chart.svg(title: "All kinds")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        for kind in kinds {
            #expect(svg.components(separatedBy: "href=\"#symbol-\(kind.rawValue)\"").count - 1 == 2, "one in the legend, one on the mark")
            #expect(svg.contains(">\(kind.label)</text>"))
        }
        #expect(!BodyChart().svg(title: "Empty").contains("url(#fill-pain)\" stroke=\"#a4161a\" stroke-width=\"2\""), "an empty chart marks nothing")
        #expect(chart.inputSVG(title: "x").components(separatedBy: "role=\"button\"").count - 1 == BodyRegion.allCases.count)
        #expect(BodyRegion.glutealLeft.consent == .gluteal && BodyRegion.thighInnerRight.consent == .innerThigh && BodyRegion.sacrum.consent == nil)
    }
}
