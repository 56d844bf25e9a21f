/// Applies the rule book to one input. Pure and deterministic: no clock, no I/O, same input, same output.
public struct AssessmentEngine: Sendable {
    public let settings: EngineSettings
    let rules: [ClinicalRule]

    public init(settings: EngineSettings = EngineSettings(), rules: [ClinicalRule] = RuleBook.all) {
        self.settings = settings
        // Rules the clinic switched off are left out once here, not tested on every assessment.
        self.rules = rules.filter(settings.applies)
    }

    public func assess(_ input: AssessmentInput) -> Assessment {
        let context = AssessmentContext(input: input, settings: settings)
        let fired = rules.filter { $0.applies(context) }

        var urgency = Urgency.none
        var decision = TreatmentDecision.proceed
        for rule in fired {
            for effect in rule.effects {
                if case .refer(let level) = effect { urgency = max(urgency, level) }
                if case .decide(let level) = effect { decision = max(decision, level) }
            }
        }
        let referralReasons = Urgency.allCases.reversed().flatMap { level in
            fired.filter { $0.effects.contains(.refer(level)) }.map { $0.reason(context) }
        }
        let decisionReasons = decision == .proceed
            ? [Self.fallback("treatment-proceed", context)]
            : fired.filter { $0.effects.contains(.decide(decision)) }.map { $0.reason(context) }
        let deferred = decision == .deferTreatment

        let (thermal, thermalText) = deferred
            ? (ThermalCode.none, Self.fallback("thermal-deferred", context).text)
            : Self.thermal(fired, context)
        let selfCare = deferred ? [] : Self.selfCare(fired, thermal: thermal, context: context)

        return Assessment(
            phase: context.phase, daysSinceOnset: context.daysSinceOnset, onset: input.onset,
            urgency: urgency, referralReasons: referralReasons,
            decision: decision, decisionReasons: decisionReasons,
            risk: input.startBack.map(StartBackScore.init),
            techniques: deferred ? Self.allDeferred(context) : Self.techniques(fired, context),
            selfCare: selfCare, thermal: thermal, thermalText: thermalText,
            yellowFlags: fired.filter { $0.effects.contains(.yellowFlag) }.map { $0.reason(context) })
    }

    private static func fallback(_ code: String, _ context: AssessmentContext) -> Reason {
        RuleBook.rule(code)!.reason(context)
    }

    private static func allDeferred(_ context: AssessmentContext) -> [Assessment.TechniqueAdvice] {
        let reason = fallback("technique-deferred", context)
        return Technique.allCases.map { .init(technique: $0, status: .contraindicated, reasons: [reason]) }
    }

    /// Each technique takes the strictest status any rule gives it; restrictions are explained strictest first.
    private static func techniques(_ fired: [ClinicalRule], _ context: AssessmentContext) -> [Assessment.TechniqueAdvice] {
        var advice = Technique.allCases.map { technique -> Assessment.TechniqueAdvice in
            var verdicts: [(status: TechniqueStatus, reason: Reason)] = []
            for rule in fired {
                for case .technique(technique, let status) in rule.effects {
                    verdicts.append((status, rule.reason(context)))
                }
            }
            let strictest = verdicts.map(\.status.strictness).max() ?? 0
            if strictest > 0 {
                let ordered = verdicts.filter { $0.status.strictness > 0 }.sorted { $0.status.strictness > $1.status.strictness }
                return .init(technique: technique, status: ordered[0].status, reasons: ordered.map(\.reason))
            }
            let indications = verdicts.filter { $0.status == .recommended }.map(\.reason)
            if indications.isEmpty {
                return .init(technique: technique, status: .suitable, reasons: [fallback("technique-suitable", context)])
            }
            return .init(technique: technique, status: .recommended, reasons: indications)
        }
        let swedish = Technique.allCases.firstIndex(of: .swedish)!
        let othersLimited = advice.contains { $0.technique != .swedish && $0.status.strictness > 0 }
        if othersLimited, advice[swedish].status == .suitable {
            advice[swedish] = .init(technique: .swedish, status: .recommended, reasons: [fallback("swedish-safe-default", context)])
        }
        return advice
    }

    /// Safety wins: "none" over cold over heat.
    private static func thermal(_ fired: [ClinicalRule], _ context: AssessmentContext) -> (ThermalCode, String) {
        for code in [ThermalCode.none, .cold, .heat] {
            if let rule = fired.first(where: { $0.effects.contains(.thermal(code)) }) {
                return (code, rule.reason(context).text)
            }
        }
        return (.none, "")
    }

    private static func selfCare(_ fired: [ClinicalRule], thermal: ThermalCode, context: AssessmentContext) -> [Assessment.SelfCareItem] {
        var chosen: UInt32 = 0
        for rule in fired {
            for case .selfCare(let code) in rule.effects { chosen |= 1 << code.ordinal }
        }
        if thermal == .cold { chosen |= 1 << SelfCareCode.coldPack.ordinal }
        if thermal == .heat { chosen |= 1 << SelfCareCode.heat.ordinal }
        return SelfCareCode.allCases.filter { chosen & (1 << $0.ordinal) != 0 }.map {
            .init(code: $0, text: SelfCareLibrary.text($0), dose: SelfCareLibrary.dose($0, phase: context.phase, context: context))
        }
    }
}
