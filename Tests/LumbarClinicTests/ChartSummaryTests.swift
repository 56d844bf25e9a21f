import LumbarClinic
import LumbarCore
import Testing

/// The chart header's pain fact: the latest signed visit's rating against the visit before, amendments counted.
@Suite struct ChartSummaryTests {
    static let now = BookingServiceTests.now

    static func note(_ id: String, pain: Int?, daysAgo: Int64, status: VisitNote.Status = .signed, amends: String? = nil) -> VisitNote {
        let at = now.adding(seconds: -daysAgo * 86_400)
        return VisitNote(id: id, clientId: "c1", authorId: "theo", status: status, painNow: pain, createdAt: at, signedAt: status == .signed ? at : nil,
                         amends: amends)
    }

    @Test func theTrendComparesTheLastRatedVisitWithTheOneBefore() {
        let pain = ChartSummaryService.pain([Self.note("a", pain: 6, daysAgo: 14), Self.note("b", pain: 4, daysAgo: 7)])
        #expect(pain?.score == 4 && pain?.previous == 6 && pain?.trend == .lower)
        #expect(ChartSummaryService.pain([Self.note("a", pain: 4, daysAgo: 14), Self.note("b", pain: 7, daysAgo: 7)])?.trend == .higher)
        #expect(ChartSummaryService.pain([Self.note("a", pain: 5, daysAgo: 14), Self.note("b", pain: 5, daysAgo: 7)])?.trend == .same)
        let first = ChartSummaryService.pain([Self.note("a", pain: 5, daysAgo: 7)])
        #expect(first?.score == 5 && first?.previous == nil && first?.trend == nil)
        #expect(ChartSummaryService.pain([]) == nil)
    }

    @Test func draftsAndUnratedVisitsDoNotCountAndAnAmendmentCorrectsItsVisit() {
        let notes = [Self.note("a", pain: 6, daysAgo: 21), Self.note("b", pain: nil, daysAgo: 14), Self.note("c", pain: 3, daysAgo: 7),
                     Self.note("d", pain: 9, daysAgo: 0, status: .draft), Self.note("c2", pain: 4, daysAgo: 6, amends: "c")]
        let pain = ChartSummaryService.pain(notes)
        #expect(pain?.score == 4 && pain?.previous == 6 && pain?.trend == .lower, "the amendment's 4 stands for visit c; b was not rated; d is a draft")
    }
}
