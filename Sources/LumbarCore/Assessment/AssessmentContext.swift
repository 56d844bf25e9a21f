/// Facts derived once from an input that rules read: phase, elapsed days, age when the episode began.
public struct AssessmentContext: Sendable {
    public let input: AssessmentInput
    public let settings: EngineSettings
    public let daysSinceOnset: Int
    public let phase: Phase
    /// Age when this episode began, from whole calendar years elapsed (birthdays are not in the contract).
    public let ageAtOnset: Int

    /// Findings and factors as bit sets, so rules test them without hashing.
    let findingBits: UInt64
    let factorBits: UInt64

    public init(input: AssessmentInput, settings: EngineSettings) {
        self.input = input
        findingBits = input.findings.reduce(0) { $0 | (1 << UInt64($1.ordinal)) }
        factorBits = input.factors.reduce(0) { $0 | (1 << UInt64($1.ordinal)) }
        self.settings = settings
        daysSinceOnset = input.painStartedOn.days(until: input.assessedOn)
        phase = settings.phase(daysSinceOnset: daysSinceOnset)
        ageAtOnset = max(0, input.age - input.painStartedOn.wholeYears(until: input.assessedOn))
    }

    public func has(_ finding: Finding) -> Bool { findingBits & (1 << UInt64(finding.ordinal)) != 0 }
    public func hasAny(_ findings: Finding...) -> Bool { findings.contains(where: has) }
    public func has(_ factor: Factor) -> Bool { factorBits & (1 << UInt64(factor.ordinal)) != 0 }
    public func hasAny(_ factors: Factor...) -> Bool { factors.contains(where: has) }
    public var isPregnant: Bool { input.pregnancyWeeks != nil }

    /// The day cold stops being advised: two days after the pain began (48 hours, counted in days).
    public var coldUntil: LocalDate { input.painStartedOn.adding(days: 2) }

    /// Reference §5, the clinic's default: cold for acute inflammation in the first 48 hours, heat in every other case.
    public var coldAdvised: Bool { daysSinceOnset < 2 && has(.acuteInflammation) }

    /// Whether the episode has lasted at least three calendar months.
    public var lastedThreeMonths: Bool { input.painStartedOn.adding(months: 3) <= input.assessedOn }

    /// STarT Back item (1-based) answered "agree", false when the screen was not given.
    public func startBackAgrees(_ item: Int) -> Bool { input.startBack?.answers[item - 1] ?? false }
}

/// Clinic-level settings the engine honours.
public struct EngineSettings: Sendable, Equatable {
    /// Weeks at which an episode stops being acute: 4 (ACP 2017, the default) or 6 (research convention).
    public var acuteWeeks: Int
    /// Codes of rules the clinic switched off. Only rules the reference marks unconfirmed can be (`RuleBook.switchable`);
    /// any other code here is ignored, so a stored setting can never silence a confirmed red flag.
    public var rulesOff: Set<String>
    public static let chronicAfterDays = 84

    public init(acuteWeeks: Int = 4, rulesOff: Set<String> = []) {
        precondition(acuteWeeks == 4 || acuteWeeks == 6, "acute/subacute boundary is 4 or 6 weeks")
        self.acuteWeeks = acuteWeeks
        self.rulesOff = rulesOff
    }

    /// Whether the engine applies `rule` for this clinic.
    public func applies(_ rule: ClinicalRule) -> Bool {
        rule.switchLabel == nil || !rulesOff.contains(rule.code)
    }

    public func phase(daysSinceOnset days: Int) -> Phase {
        if days < acuteWeeks * 7 { return .acute }
        if days <= Self.chronicAfterDays { return .subacute }
        return .chronic
    }
}
