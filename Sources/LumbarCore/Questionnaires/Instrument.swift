/// The five outcome and screening instruments whose scoring is built in (clinical reference §6).
/// Scoring rules are facts; the wording people read comes from a `QuestionnaireDefinition`.
public enum Instrument: String, Sendable, CaseIterable, Hashable {
    case nprs, psfs, rmdq, odi
    case startBack = "start-back"

    public var name: String {
        switch self {
        case .nprs: return "Pain rating (NPRS)"
        case .psfs: return "Patient-Specific Functional Scale"
        case .rmdq: return "Roland-Morris Disability Questionnaire"
        case .odi: return "Oswestry Disability Index"
        case .startBack: return "STarT Back screening tool"
        }
    }

    /// Score range, for charts and checks.
    public var range: ClosedRange<Double> {
        switch self {
        case .nprs, .psfs: return 0...10
        case .rmdq: return 0...24
        case .odi: return 0...100
        case .startBack: return 0...9
        }
    }

    /// The smallest change that matters to the client, in points (and as a share of the baseline where §6 gives one).
    public var meaningfulChange: (points: Double, fraction: Double?) {
        switch self {
        case .nprs: return (2, 0.3)
        case .psfs: return (2, nil)
        case .rmdq: return (5, 0.3)
        case .odi: return (10, 0.3)
        case .startBack: return (1, nil)
        }
    }

    /// Screens asked at intake only when the clinic turns them on (the others are always asked, or asked at visits).
    public static let optionalAtIntake: [Instrument] = [.startBack, .rmdq, .odi]

    /// Why `items` cannot be scored by this instrument's rules; empty when the shape fits.
    public func shapeProblems(_ items: [QuestionnaireDefinition.Item]) -> [String] {
        var problems: [String] = []
        func expectCount(_ count: Int) -> Bool {
            guard items.count == count else {
                problems.append("\(rawValue) needs exactly \(count) item\(count == 1 ? "" : "s"); the file has \(items.count).")
                return false
            }
            return true
        }
        func expectScores(_ item: QuestionnaireDefinition.Item, _ scores: [Int], _ what: String) {
            if item.options.map(\.score) != scores {
                problems.append("Item \(item.id) must offer \(what) (option scores \(scores.map(String.init).joined(separator: ", ")) in that order).")
            }
        }
        switch self {
        case .nprs, .psfs:
            if expectCount(1) { expectScores(items[0], Array(0...10), "the eleven ratings 0 to 10") }
        case .rmdq:
            if expectCount(24) {
                for item in items where item.options.map(\.score).sorted() != [0, 1] {
                    problems.append("Item \(item.id) must offer two answers, one scored 1 (yes) and one scored 0 (no).")
                }
            }
        case .odi:
            if expectCount(10) { items.forEach { expectScores($0, Array(0...5), "six statements scored 0 to 5") } }
        case .startBack:
            if expectCount(9) {
                for item in items.prefix(8) where Set(item.options.map(\.value)) != ["agree", "disagree"] || item.options.count != 2 {
                    problems.append("Item \(item.id) must offer the two answers 'agree' and 'disagree'.")
                }
                let codes = Bothersomeness.allCases.map(\.rawValue)
                if items[8].options.map(\.value) != codes {
                    problems.append("Item \(items[8].id) must offer, in order, the answers \(codes.joined(separator: ", ")).")
                }
            }
        }
        return problems
    }

    /// The score from the option scores chosen for each item (nil: not answered); nil when too little was answered.
    /// PSFS passes one rating per activity. ODI allows up to two skipped sections and scales to the sections answered.
    public func score(_ chosen: [Int?]) -> Double? {
        let answered = chosen.compactMap { $0 }
        switch self {
        case .nprs:
            return answered.count == 1 ? Double(answered[0]) : nil
        case .psfs:
            guard !answered.isEmpty, answered.count <= 5 else { return nil }
            return Double(answered.reduce(0, +)) / Double(answered.count)
        case .rmdq:
            return answered.count == 24 ? Double(answered.reduce(0, +)) : nil
        case .odi:
            guard chosen.count == 10, answered.count >= 8 else { return nil }
            return (Double(answered.reduce(0, +)) / Double(5 * answered.count) * 100).rounded()
        case .startBack:
            guard answered.count == 9 else { return nil }
            return Double(answered.reduce(0, +))
        }
    }
}
