import LumbarCore
import Testing

/// Outcome scores as a therapist writes them (issue 19: the chart showed PSFS 3.666667).
@Suite struct ScoreTextTests {
    @Test func psfsAveragesReadToOneDecimal() {
        #expect(Instrument.psfs.scoreText(11.0 / 3) == "3.7")
        #expect(Instrument.psfs.scoreText(7.0 / 3) == "2.3")
        #expect(Instrument.psfs.scoreText(4) == "4", "a whole average needs no decimal")
        #expect(Instrument.psfs.scoreText(9.96) == "10")
        #expect(Instrument.psfs.scoreWithScale(11.0 / 3) == "3.7/10")
    }

    @Test func otherScalesReadInWholePointsOrPercent() {
        #expect(Instrument.nprs.scoreText(6) == "6" && Instrument.nprs.scoreWithScale(6) == "6/10")
        #expect(Instrument.rmdq.scoreWithScale(12) == "12/24")
        #expect(Instrument.odi.scoreWithScale(39.6) == "40%")
    }
}
