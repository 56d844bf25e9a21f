import LumbarCore
import PropertyBased
import Testing

/// Ten years after the last visit, or after the client turns 18, whichever is later.
@Suite struct RetentionTests {
    @Test func adultsAndMinors() {
        let last = LocalDate(year: 2020, month: 3, day: 15)!
        #expect(Retention.keepUntil(lastVisit: last, dateOfBirth: LocalDate(year: 1980, month: 1, day: 1)!) == LocalDate(year: 2030, month: 3, day: 15)!)
        #expect(Retention.keepUntil(lastVisit: last, dateOfBirth: LocalDate(year: 2010, month: 6, day: 1)!) == LocalDate(year: 2038, month: 6, day: 1)!,
                "a 9-year-old's record is kept until 10 years after they turn 18")
        #expect(Retention.keepUntil(lastVisit: last, dateOfBirth: nil) == LocalDate(year: 2030, month: 3, day: 15)!)
    }

    @Test func neverSoonerThanTenYearsAfterTheLastVisit() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...20_000), Gen.int(in: 0...30_000)) { lastDays, birthDays in
            let last = LocalDate(daysSinceEpoch: lastDays), born = LocalDate(daysSinceEpoch: birthDays - 10_000)
            let until = Retention.keepUntil(lastVisit: last, dateOfBirth: born)
            #expect(until >= last.adding(months: 120) && until >= born.adding(months: 336))
        }
    }
}
