/// One outcome measure over time (NPRS or PSFS): the points, the change from the first, and whether it is a
/// meaningful improvement by the clinical reference's thresholds (§6).
public struct OutcomeSeries: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let day: LocalDate
        public let score: Double
        public init(day: LocalDate, score: Double) {
            self.day = day
            self.score = score
        }
    }

    public let instrument: Instrument
    public let points: [Point]

    public init(_ instrument: Instrument, _ points: [Point]) {
        self.instrument = instrument
        self.points = points.sorted { $0.day < $1.day }
    }

    /// Lower is better for pain and disability; higher is better for function (PSFS).
    public var higherIsBetter: Bool { instrument == .psfs }

    /// Improvement from the first to the latest point, positive when better.
    public var improvement: Double? {
        guard let first = points.first, let last = points.last, points.count > 1 else { return nil }
        return higherIsBetter ? last.score - first.score : first.score - last.score
    }

    /// The score that would count as a meaningful improvement on the baseline: points, or the share of the
    /// baseline where §6 gives one, whichever is smaller.
    public var threshold: Double? {
        guard let baseline = points.first?.score else { return nil }
        let change = instrument.meaningfulChange
        var needed = change.points
        if let fraction = change.fraction, !higherIsBetter, baseline > 0 { needed = min(needed, baseline * fraction) }
        return higherIsBetter ? baseline + needed : baseline - needed
    }

    public var meaningfullyImproved: Bool {
        guard let last = points.last?.score, let threshold, points.count > 1 else { return false }
        return higherIsBetter ? last >= threshold : last <= threshold
    }
}
