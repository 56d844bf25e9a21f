import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LumbarCore
import PropertyBased
import Testing

/// Meaningful change (clinical reference §6) and when to suggest a referral.
@Suite struct ProgressTests {
    static let start = LocalDate(year: 2026, month: 10, day: 1)!

    static func pain(_ scores: [Double]) -> OutcomeSeries {
        OutcomeSeries(.nprs, scores.enumerated().map { .init(day: start.adding(days: $0.offset * 7), score: $0.element) })
    }

    @Test func meaningfulChangeUsesPointsOrThirtyPercent() {
        #expect(Self.pain([6, 5, 4]).threshold == 4.2 && Self.pain([6, 5, 4]).meaningfullyImproved, "30% of 6 is 1.8, less than 2 points")
        #expect(!Self.pain([6, 5, 5]).meaningfullyImproved)
        #expect(Self.pain([9, 7]).threshold == 7 && Self.pain([9, 7]).meaningfullyImproved)
        let function = OutcomeSeries(.psfs, [.init(day: Self.start, score: 3), .init(day: Self.start.adding(days: 14), score: 5)])
        #expect(function.higherIsBetter && function.threshold == 5 && function.meaningfullyImproved && function.improvement == 2)
    }

    @Test func noImprovementAfterFourVisitsOrFourWeeksPromptsAReferral() {
        let today = Self.start.adding(days: 35)
        let stuck = ProgressReview(pain: Self.pain([6, 6, 5, 6]), visits: 4, careStarted: Self.start, today: today, intakeUrgency: .none, latestUrgency: .none)
        #expect(stuck.urgency == .routine && stuck.prompt?.contains("No meaningful improvement in pain after 4 visits over 5 weeks") == true)
        let better = ProgressReview(pain: Self.pain([6, 5, 3]), visits: 4, careStarted: Self.start, today: today, intakeUrgency: .none, latestUrgency: .none)
        #expect(better.prompt == nil)
        let redFlag = ProgressReview(pain: Self.pain([6]), visits: 1, careStarted: Self.start, today: Self.start, intakeUrgency: .none, latestUrgency: .emergency)
        #expect(redFlag.urgency == .emergency && redFlag.prompt?.contains("emergency") == true)
        let cleared = ProgressReview(pain: Self.pain([6]), visits: 1, careStarted: Self.start, today: Self.start, intakeUrgency: .urgent,
                                     latestUrgency: .urgent, cleared: true)
        #expect(cleared.prompt == nil, "a physician already cleared this urgency")
    }

    @Test func earlyInCareWithNothingNewThereIsNoPrompt() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...10).array(of: 1...6), Gen.int(in: 0...3), Gen.int(in: 0...27), Gen<Urgency>.case) { scores, visits, days, urgency in
            let review = ProgressReview(pain: Self.pain(scores.map(Double.init)), visits: visits, careStarted: Self.start, today: Self.start.adding(days: days),
                                        intakeUrgency: urgency, latestUrgency: urgency, cleared: true)
            #expect(review.prompt == nil)
        }
    }

    @Test func theTrendChartIsWellFormedWithItsThreshold() {
        let svg = OutcomeChart.svg(Self.pain([6, 5, 4]), title: "Pain (NPRS 0-10)")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("meaningful change") && svg.components(separatedBy: "<circle").count - 1 == 3)
    }
}
