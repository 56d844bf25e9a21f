/// STarT Back scoring (Hill et al. 2008): total 0–9, psychosocial subscale items 5–9, risk group.
public struct StartBackScore: Sendable, Equatable {
    public enum Level: String, Sendable { case low, medium, high }

    public let total: Int
    public let psychosocial: Int

    public init(_ answers: StartBackAnswers) {
        let item9 = answers.bothersomeness == .veryMuch || answers.bothersomeness == .extremely ? 1 : 0
        total = answers.answers.filter { $0 }.count + item9
        psychosocial = answers.answers[4...7].filter { $0 }.count + item9
    }

    public var level: Level {
        if total <= 3 { return .low }
        return psychosocial >= 4 ? .high : .medium
    }
}
