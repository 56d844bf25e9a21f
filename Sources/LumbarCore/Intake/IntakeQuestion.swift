/// One question of the intake as the client reads it, with the plain-language help line under it.
public struct IntakeQuestion: Sendable {
    public struct Option: Sendable, Equatable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    public enum Kind: Sendable {
        case text(FieldLimit)
        case longText
        case email
        case phone
        case date
        case number(ClosedRange<Int>)
        /// A 0–10 style rating drawn as a row of choices; the labels name the two ends.
        case scale(ClosedRange<Int>, low: String, high: String)
        case choice([Option])
        case multiChoice([Option])
        case yesNo
    }

    public let id: String
    public let prompt: String
    public let help: String
    public let kind: Kind
    public let required: Bool
    /// Required only when another question has this answer (weeks of pregnancy when pregnant).
    public let requiredWhen: (id: String, value: String)?
    /// For warning-sign questions: the finding a "yes" reports, and how the client would say it to a doctor.
    public let finding: Finding?
    public let tell: String?

    public init(_ id: String, _ prompt: String, help: String, kind: Kind, required: Bool = true,
                requiredWhen: (id: String, value: String)? = nil, finding: Finding? = nil, tell: String? = nil) {
        self.id = id
        self.prompt = prompt
        self.help = help
        self.kind = kind
        self.required = required
        self.requiredWhen = requiredWhen
        self.finding = finding
        self.tell = tell
    }

    /// A yes/no warning-sign question whose "yes" is `finding`.
    static func sign(_ finding: Finding, _ prompt: String, help: String, tell: String) -> IntakeQuestion {
        IntakeQuestion("sign." + finding.rawValue, prompt, help: help, kind: .yesNo, finding: finding, tell: tell)
    }

    public var options: [Option] {
        switch kind {
        case .choice(let options), .multiChoice(let options): return options
        case .yesNo: return [Option("yes", "Yes"), Option("no", "No")]
        case .scale(let range, _, _): return range.map { Option(String($0), String($0)) }
        default: return []
        }
    }

    /// What is wrong with `answers` for this question, in words the client understands; nil when fine.
    public func problem(in answers: IntakeAnswers, today: LocalDate) -> String? {
        let values = answers.all(id)
        let needed = required || requiredWhen.map { answers[$0.id] == $0.value } == true
        guard !values.isEmpty else { return needed ? missingMessage : nil }
        let value = values[0].trimmed
        switch kind {
        case .text(let limit):
            if needed && value.isEmpty { return missingMessage }
            return limit.allows(value) ? nil : limit.message
        case .longText:
            return Self.longTextLimit.allows(value) ? nil : Self.longTextLimit.message
        case .email:
            if !FieldLimit.email.allows(value) { return FieldLimit.email.message }
            return value.isEmpty || EmailAddress.isPlausible(value.lowercased()) ? nil : "Enter an email address like name@example.com."
        case .phone:
            return value.isEmpty || PhoneNumber(value) != nil ? nil : PhoneNumber.message
        case .date:
            guard let date = LocalDate(iso: value) else { return "Enter the date as year-month-day, for example 2026-03-01." }
            return date > today ? "This date is in the future; please check it." : nil
        case .number(let range):
            guard let number = Int(value), range.contains(number) else { return "Enter a whole number from \(range.lowerBound) to \(range.upperBound)." }
            return nil
        case .scale, .choice, .yesNo:
            return options.contains { $0.value == value } ? nil : "Choose one of the answers."
        case .multiChoice:
            return values.allSatisfy { value in options.contains { $0.value == value } } ? nil : "Choose from the answers listed."
        }
    }

    public static let longTextLimit = FieldLimit.long

    /// The most the answer's field takes, printed as its `maxlength`; nil for answers chosen or parsed (dates, numbers).
    public var limit: FieldLimit? {
        switch kind {
        case .text(let limit): return limit
        case .longText: return Self.longTextLimit
        case .email: return .email
        case .phone: return PhoneNumber.limit
        case .date, .number, .scale, .choice, .multiChoice, .yesNo: return nil
        }
    }

    private var missingMessage: String {
        switch kind {
        case .scale, .choice, .yesNo: return "Please choose an answer."
        case .date: return "Please enter a date."
        default: return "Please answer this question."
        }
    }
}
