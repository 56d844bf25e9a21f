import LumbarClinic
import PropertyBased
import Testing

/// Amounts as the desk and the reports show them, and as staff type them back.
@Suite struct MoneyTests {
    @Test func amountsReadAsPeopleWriteThem() {
        #expect(Money.text(0) == "$0.00")
        #expect(Money.text(5) == "$0.05")
        #expect(Money.text(14_690) == "$146.90")
        #expect(Money.text(123_456) == "$1,234.56")
        #expect(Money.text(100_000_000) == "$1,000,000.00")
        #expect(Money.text(-50) == "−$0.50")
        #expect(Money.text(-123_456) == "−$1,234.56")
    }

    /// What is shown can be typed back: every amount's text, without its minus sign, parses to its size.
    @Test func whatIsShownParsesBack() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -999_999_999...999_999_999)) { cents in
            let shown = Money.text(cents)
            #expect(shown.hasPrefix("−") == (cents < 0))
            #expect(Money.cents(String(shown.drop { $0 == "−" })) == abs(cents))
            let whole = shown.split(separator: ".")[0].filter { $0.isNumber }
            // A comma before every group of three digits from the right, and nowhere else.
            let expectedCommas = (whole.count - 1) / 3
            #expect(shown.filter { $0 == "," }.count == expectedCommas)
        }
    }

    @Test func commasOnlyBetweenGroupsOfThree() {
        #expect(Money.cents("1,200") == 120_000)
        #expect(Money.cents("$12,345.60") == 1_234_560)
        #expect(Money.cents("1,20") == nil)
        #expect(Money.cents(",120") == nil)
        #expect(Money.cents("1200,000") == nil)
        #expect(Money.cents("12.5") == 1_250)
    }
}
