/// Deterministic varied inputs for benchmarks and demo data (SplitMix64, so a seed always gives the same cases).
public struct AssessmentSampler: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func pick<Code: ContractCode>(_: Code.Type) -> Code {
        let all = Array(Code.allCases)
        return all[int(0...(all.count - 1))]
    }

    /// A random valid case; findings are sparse (0–4) as in real intakes.
    public mutating func input() -> AssessmentInput {
        let assessedOn = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: int(0...364))
        var findings = Set<Finding>()
        for _ in 0..<int(0...4) { findings.insert(pick(Finding.self)) }
        var factors = Set<Factor>()
        for _ in 0..<int(0...3) { factors.insert(pick(Factor.self)) }
        let startBack = int(0...1) == 1
            ? StartBackAnswers(answers: (0..<8).map { _ in int(0...1) == 1 }, bothersomeness: pick(Bothersomeness.self))
            : nil
        return AssessmentInput(
            assessedOn: assessedOn, age: int(16...90), onset: pick(Onset.self),
            painStartedOn: assessedOn.adding(days: -int(0...400)), painNow: int(0...10),
            legPain: pick(LegPain.self), legSides: pick(LegSides.self), factors: factors, findings: findings,
            pressurePreference: int(0...3) == 0 ? nil : pick(PressurePreference.self),
            medicallyAssessed: int(0...1) == 1, pregnancyWeeks: int(0...9) == 0 ? int(1...42) : nil,
            startBack: startBack)
    }
}
