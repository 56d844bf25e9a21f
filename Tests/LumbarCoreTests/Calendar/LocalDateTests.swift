import LumbarCore
import PropertyBased
import Testing

@Suite struct LocalDateTests {
    @Test func epochArithmeticRoundTrips() async {
        await propertyCheck(input: Gen.int(in: -200_000...2_000_000)) { days in
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func knownDays() {
        #expect(LocalDate(iso: "2026-11-24")!.weekdayName == "Tuesday")
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(LocalDate(iso: "2000-06-15")!.wholeYears(until: LocalDate(iso: "2026-06-14")!) == 25)
    }
}
