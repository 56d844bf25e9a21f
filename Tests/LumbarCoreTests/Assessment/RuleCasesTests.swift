import LumbarCore
import Testing

/// One or more cases per rule in the rule book. Each expectation fails if its rule is removed or its effect changed.
@Suite struct RuleCasesTests {
    enum Expect: Sendable, CustomStringConvertible {
        case urgency(Urgency)
        case decision(TreatmentDecision)
        case technique(Technique, TechniqueStatus)
        case selfCare(SelfCareCode)
        case noSelfCare(SelfCareCode)
        case thermal(ThermalCode)
        case reason(String)
        case yellowFlag(String)

        var description: String {
            switch self {
            case .urgency(let value): return "urgency \(value)"
            case .decision(let value): return "decision \(value)"
            case .technique(let technique, let status): return "\(technique) \(status)"
            case .selfCare(let code): return "self-care \(code)"
            case .noSelfCare(let code): return "no self-care \(code)"
            case .thermal(let code): return "thermal \(code)"
            case .reason(let code): return "reason \(code)"
            case .yellowFlag(let code): return "yellow flag \(code)"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let input: [String: String]
        let expect: [Expect]
        var testDescription: String { "\(rule) \(input.keys.sorted())" }
    }

    static func findings(_ codes: String...) -> [String: String] { ["findings": AssessmentFixtures.codes(codes)] }
    static func factors(_ codes: String...) -> [String: String] { ["factors": AssessmentFixtures.codes(codes)] }
    static let acuteToday = ["painStartedOn": "\"2026-11-24\""]
    /// Pain that began today over a hot, red or swollen area: the one case cold is advised (reference §5).
    static let inflamedToday = acuteToday.merging(findings("acute-inflammation")) { $1 }
    static let chronic = ["painStartedOn": "\"2026-01-10\""]
    static func startBack(agree item: Int) -> [String: String] {
        let answers = (1...8).map { $0 == item ? "true" : "false" }.joined(separator: ",")
        return ["startBack": "{\"answers\":[\(answers)],\"bothersomeness\":\"slightly\"}"]
    }

    static let cases: [Case] = [
        // red flags
        Case(rule: "cauda-equina", input: findings("saddle-numbness"), expect: [.urgency(.emergency), .decision(.deferTreatment), .reason("cauda-equina")]),
        Case(rule: "cauda-equina", input: findings("bladder-dysfunction"), expect: [.urgency(.emergency)]),
        Case(rule: "cauda-equina", input: findings("bowel-dysfunction"), expect: [.urgency(.emergency)]),
        Case(rule: "cauda-equina", input: findings("sexual-dysfunction-new"), expect: [.urgency(.emergency)]),
        Case(rule: "cauda-equina", input: findings("gait-disturbance"), expect: [.urgency(.emergency)]),
        Case(rule: "cauda-equina", input: ["legSides": "\"both\"", "legPain": "\"below-knee\""], expect: [.urgency(.emergency), .decision(.deferTreatment)]),
        Case(rule: "aortic-aneurysm", input: findings("pulsating-abdominal-mass"), expect: [.urgency(.emergency), .decision(.deferTreatment), .reason("aortic-aneurysm")]),
        Case(rule: "aortic-aneurysm", input: findings("tearing-pain"), expect: [.urgency(.emergency)]),
        Case(rule: "progressive-deficit", input: findings("leg-weakness-progressive"), expect: [.urgency(.urgent), .decision(.deferTreatment), .reason("progressive-deficit")]),
        Case(rule: "spinal-infection", input: findings("iv-drug-use"), expect: [.urgency(.urgent), .decision(.deferTreatment), .reason("spinal-infection")]),
        Case(rule: "spinal-infection", input: findings("immunosuppression"), expect: [.urgency(.urgent)]),
        Case(rule: "spinal-infection", input: findings("recent-bacterial-infection"), expect: [.urgency(.urgent)]),
        Case(rule: "spinal-infection", input: findings("fever"), expect: [.urgency(.urgent)]),
        Case(rule: "malignancy-history", input: findings("history-of-cancer"), expect: [.urgency(.urgent), .decision(.deferTreatment), .reason("malignancy-history")]),
        Case(rule: "malignancy-history", input: findings("unexplained-weight-loss"), expect: [.urgency(.urgent)]),
        Case(rule: "malignancy-night-pain", input: findings("night-pain-unrelieved"), expect: [.urgency(.routine), .decision(.modify), .reason("malignancy-night-pain")]),
        Case(rule: "malignancy-age", input: ["age": "60"], expect: [.urgency(.routine), .decision(.modify), .reason("malignancy-age")]),
        Case(rule: "malignancy-age", input: ["age": "17"], expect: [.urgency(.routine)]),
        Case(rule: "malignancy-age", input: ["age": "60"].merging(chronic) { $1 }, expect: [.urgency(.none)]),
        Case(rule: "fracture", input: findings("major-trauma"), expect: [.urgency(.urgent), .decision(.deferTreatment), .reason("fracture")]),
        Case(rule: "fracture", input: findings("minor-trauma", "osteoporosis"), expect: [.urgency(.urgent)]),
        Case(rule: "fracture", input: findings("minor-trauma", "long-term-corticosteroids"), expect: [.urgency(.urgent)]),
        Case(rule: "fracture", input: findings("minor-trauma"), expect: [.urgency(.none)]),
        Case(rule: "dvt", input: findings("dvt-suspected"), expect: [.urgency(.urgent), .decision(.deferTreatment), .reason("dvt")]),
        Case(rule: "inflammatory-back-pain",
             input: ["age": "30", "painStartedOn": "\"2026-05-01\""].merging(findings("wakes-second-half-of-night", "buttock-pain", "improves-with-movement")) { $1 },
             expect: [.urgency(.routine), .decision(.modify), .reason("inflammatory-back-pain")]),
        Case(rule: "inflammatory-back-pain",
             input: ["age": "40", "painStartedOn": "\"2026-05-01\""].merging(findings("wakes-second-half-of-night", "buttock-pain", "improves-with-movement")) { $1 },
             expect: [.urgency(.none)]),
        Case(rule: "inflammatory-back-pain",
             input: ["age": "30", "painStartedOn": "\"2026-09-01\""].merging(findings("wakes-second-half-of-night", "buttock-pain", "improves-with-movement", "nsaid-relief-48h")) { $1 },
             expect: [.urgency(.none)]),
        Case(rule: "radicular-symptoms", input: ["legSides": "\"one\""].merging(findings("leg-tingling")) { $1 }, expect: [.urgency(.routine), .decision(.modify), .reason("radicular-symptoms")]),
        Case(rule: "radicular-symptoms", input: findings("leg-numbness"), expect: [.urgency(.routine)]),
        Case(rule: "radicular-symptoms", input: findings("leg-weakness"), expect: [.urgency(.routine)]),
        Case(rule: "persistent-pain", input: ["painNow": "8"], expect: [.urgency(.routine), .decision(.modify), .reason("persistent-pain")]),
        Case(rule: "persistent-pain", input: ["painNow": "8", "medicallyAssessed": "true"], expect: [.urgency(.none), .decision(.proceed)]),
        Case(rule: "persistent-pain", input: ["painNow": "8", "painStartedOn": "\"2026-11-01\""], expect: [.urgency(.none)]),
        // general contraindications
        Case(rule: "defer-fever", input: findings("fever"), expect: [.decision(.deferTreatment), .reason("defer-fever")]),
        Case(rule: "defer-contagious", input: findings("contagious-illness"), expect: [.urgency(.none), .decision(.deferTreatment), .reason("defer-contagious")]),
        Case(rule: "defer-hypertension", input: findings("uncontrolled-hypertension"), expect: [.decision(.deferTreatment), .reason("defer-hypertension")]),
        Case(rule: "defer-cardiac", input: findings("unstable-cardiac"), expect: [.decision(.deferTreatment), .reason("defer-cardiac")]),
        // local contraindications
        Case(rule: "local-acute-inflammation", input: findings("acute-inflammation"),
             expect: [.decision(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated), .technique(.triggerPoint, .caution), .technique(.swedish, .recommended)]),
        Case(rule: "local-skin-lesion", input: findings("skin-lesion-low-back"),
             expect: [.decision(.modify), .technique(.myofascialRelease, .contraindicated), .technique(.cupping, .contraindicated), .technique(.deepTissue, .caution)]),
        Case(rule: "local-recent-surgery", input: findings("recent-surgery-low-back"),
             expect: [.decision(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated), .technique(.neuromuscular, .caution)]),
        Case(rule: "local-varicose-veins", input: findings("varicose-veins-low-back"),
             expect: [.decision(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated)]),
        Case(rule: "local-undiagnosed-lump", input: findings("undiagnosed-lump"),
             expect: [.decision(.modify), .technique(.cupping, .contraindicated), .technique(.deepTissue, .contraindicated), .technique(.myofascialRelease, .caution)]),
        // precautions
        Case(rule: "precaution-bleeding-risk", input: findings("anticoagulant"),
             expect: [.decision(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated), .technique(.triggerPoint, .caution), .technique(.neuromuscular, .caution)]),
        Case(rule: "precaution-bleeding-risk", input: findings("antiplatelet"), expect: [.technique(.deepTissue, .contraindicated)]),
        Case(rule: "precaution-bleeding-risk", input: findings("bleeding-disorder"), expect: [.technique(.cupping, .contraindicated)]),
        Case(rule: "precaution-osteoporosis", input: findings("osteoporosis"),
             expect: [.decision(.modify), .technique(.deepTissue, .caution), .technique(.triggerPoint, .caution), .technique(.neuromuscular, .caution)]),
        Case(rule: "precaution-corticosteroids", input: findings("long-term-corticosteroids"),
             expect: [.decision(.modify), .technique(.deepTissue, .caution), .technique(.cupping, .caution)]),
        Case(rule: "precaution-reduced-feedback", input: findings("nsaid-or-muscle-relaxant"),
             expect: [.decision(.modify), .technique(.deepTissue, .caution), .technique(.triggerPoint, .caution), .technique(.cupping, .caution)]),
        Case(rule: "precaution-pregnancy", input: ["pregnancyWeeks": "24"],
             expect: [.decision(.modify), .technique(.cupping, .contraindicated), .technique(.deepTissue, .caution), .noSelfCare(.plank), .noSelfCare(.bridge)]),
        Case(rule: "precaution-pacemaker", input: findings("pacemaker"), expect: [.decision(.modify), .technique(.cupping, .contraindicated)]),
        Case(rule: "precaution-cupping-relative", input: findings("menstruation"), expect: [.decision(.modify), .technique(.cupping, .caution)]),
        Case(rule: "precaution-cupping-relative", input: findings("recent-blood-donation"), expect: [.technique(.cupping, .caution)]),
        Case(rule: "preference-light-pressure", input: ["pressurePreference": "\"light\""],
             expect: [.decision(.proceed), .technique(.deepTissue, .caution), .technique(.swedish, .recommended)]),
        // indications
        Case(rule: "indication-fascial-restriction", input: findings("fascial-restriction"), expect: [.technique(.myofascialRelease, .recommended)]),
        Case(rule: "indication-chronic-tension", input: findings("muscle-knots"), expect: [.technique(.deepTissue, .recommended)]),
        Case(rule: "indication-chronic-tension", input: chronic, expect: [.technique(.deepTissue, .recommended)]),
        Case(rule: "indication-chronic-tension", input: factors("overuse"), expect: [.technique(.deepTissue, .recommended)]),
        Case(rule: "indication-trigger-points", input: findings("trigger-points"), expect: [.technique(.triggerPoint, .recommended)]),
        Case(rule: "indication-trigger-points", input: findings("referred-pain"), expect: [.technique(.triggerPoint, .recommended)]),
        Case(rule: "indication-relaxation", input: factors("stress"), expect: [.technique(.swedish, .recommended), .reason("indication-relaxation")]),
        Case(rule: "indication-imbalance-nerve", input: findings("muscle-imbalance"), expect: [.technique(.neuromuscular, .recommended)]),
        Case(rule: "indication-imbalance-nerve", input: factors("sciatica"), expect: [.technique(.neuromuscular, .recommended)]),
        Case(rule: "indication-chronic-tightness", input: findings("fascial-restriction"), expect: [.technique(.cupping, .recommended)]),
        Case(rule: "indication-chronic-tightness", input: chronic.merging(findings("hypertonicity")) { $1 }, expect: [.technique(.cupping, .recommended)]),
        // self-care
        Case(rule: "selfcare-stay-active", input: [:], expect: [.selfCare(.stayActive)]),
        Case(rule: "selfcare-mobility", input: [:], expect: [.selfCare(.catCow), .selfCare(.childsPose)]),
        Case(rule: "selfcare-hip-flexors", input: factors("prolonged-sitting"), expect: [.selfCare(.hipFlexorStretch)]),
        Case(rule: "selfcare-core", input: [:], expect: [.selfCare(.plank), .selfCare(.bridge)]),
        Case(rule: "selfcare-core", input: acuteToday.merging(factors("weak-core")) { $1 }, expect: [.selfCare(.plank)]),
        Case(rule: "selfcare-gentle-bridge", input: acuteToday, expect: [.selfCare(.bridge), .noSelfCare(.plank)]),
        Case(rule: "selfcare-posture-breaks", input: factors("prolonged-standing"), expect: [.selfCare(.postureBreaks)]),
        Case(rule: "selfcare-lumbar-cushion", input: factors("poor-posture"), expect: [.selfCare(.lumbarCushion)]),
        Case(rule: "selfcare-stress", input: factors("stress"), expect: [.selfCare(.breathing), .selfCare(.meditation)]),
        Case(rule: "selfcare-yoga", input: chronic, expect: [.selfCare(.gentleYoga)]),
        Case(rule: "thermal-cold-48h", input: inflamedToday, expect: [.thermal(.cold), .selfCare(.coldPack), .noSelfCare(.heat)]),
        Case(rule: "thermal-cold-48h", input: ["painStartedOn": "\"2026-11-23\"", "findings": AssessmentFixtures.codes(["acute-inflammation"])],
             expect: [.thermal(.cold)]),
        Case(rule: "thermal-heat", input: [:], expect: [.thermal(.heat), .selfCare(.heat)]),
        // Inside 48 hours but no inflammation: heat, not cold (reference §5; cold used to be advised for any new episode).
        Case(rule: "thermal-heat", input: acuteToday, expect: [.thermal(.heat), .selfCare(.heat), .noSelfCare(.coldPack)]),
        // Inflamed, but 48 hours have passed: heat.
        Case(rule: "thermal-heat", input: ["painStartedOn": "\"2026-11-22\"", "findings": AssessmentFixtures.codes(["acute-inflammation"])],
             expect: [.thermal(.heat), .noSelfCare(.coldPack)]),
        Case(rule: "thermal-reduced-sensation", input: inflamedToday.merging(findings("acute-inflammation", "reduced-sensation")) { $1 },
             expect: [.thermal(.none), .noSelfCare(.coldPack), .decision(.modify)]),
        // yellow flags
        Case(rule: "fear-avoidance", input: startBack(agree: 5), expect: [.yellowFlag("fear-avoidance")]),
        Case(rule: "worry", input: startBack(agree: 6), expect: [.yellowFlag("worry")]),
        Case(rule: "catastrophising", input: startBack(agree: 7), expect: [.yellowFlag("catastrophising")]),
        Case(rule: "low-mood", input: startBack(agree: 8), expect: [.yellowFlag("low-mood")]),
        Case(rule: "high-bothersomeness", input: ["startBack": "{\"answers\":[false,false,false,false,false,false,false,false],\"bothersomeness\":\"extremely\"}"],
             expect: [.yellowFlag("high-bothersomeness")]),
        // fallbacks
        Case(rule: "treatment-proceed", input: [:], expect: [.decision(.proceed), .reason("treatment-proceed"), .urgency(.none)]),
        Case(rule: "technique-suitable", input: [:], expect: [.technique(.triggerPoint, .suitable), .reason("technique-suitable")]),
        Case(rule: "technique-deferred", input: findings("contagious-illness"), expect: [.technique(.swedish, .contraindicated), .reason("technique-deferred")]),
        Case(rule: "swedish-safe-default", input: findings("osteoporosis"), expect: [.technique(.swedish, .recommended), .reason("swedish-safe-default")]),
        Case(rule: "thermal-deferred", input: findings("contagious-illness"), expect: [.thermal(.none), .noSelfCare(.heat)]),
    ]

    @Test(arguments: cases)
    func ruleFires(_ testCase: Case) throws {
        let result = try AssessmentFixtures.assess(testCase.input)
        let reasonCodes = Set((result.referralReasons + result.decisionReasons + result.techniques.flatMap(\.reasons)).map(\.code))
        for expectation in testCase.expect {
            switch expectation {
            case .urgency(let urgency): #expect(result.urgency == urgency, "\(testCase.rule)")
            case .decision(let decision): #expect(result.decision == decision, "\(testCase.rule)")
            case .technique(let technique, let status): #expect(result.status(of: technique) == status, "\(testCase.rule): \(technique)")
            case .selfCare(let code): #expect(result.selfCare.contains { $0.code == code }, "\(testCase.rule): \(code)")
            case .noSelfCare(let code): #expect(!result.selfCare.contains { $0.code == code }, "\(testCase.rule): \(code)")
            case .thermal(let code): #expect(result.thermal == code, "\(testCase.rule)")
            case .reason(let code): #expect(reasonCodes.contains(code), "\(testCase.rule): reason \(code)")
            case .yellowFlag(let code): #expect(result.yellowFlags.map(\.code) == [code])
            }
        }
    }

    @Test func everyRuleHasACase() {
        let covered = Set(Self.cases.map(\.rule))
        let all = (RuleBook.all + RuleBook.fallbacks).map(\.code)
        #expect(Set(all).count == all.count, "rule codes must be unique")
        #expect(all.filter { !covered.contains($0) } == [])
    }

    @Test func reasonsCarryReadableText() throws {
        for testCase in Self.cases {
            let result = try AssessmentFixtures.assess(testCase.input)
            let reasons = result.referralReasons + result.decisionReasons + result.techniques.flatMap(\.reasons) + result.yellowFlags
            #expect(reasons.allSatisfy { $0.text.count > 20 && $0.text.last == "." })
        }
    }

    @Test func coldAdviceNamesTheDayToSwitch() throws {
        let result = try AssessmentFixtures.assess(Self.inflamedToday)
        #expect(result.thermalText.contains("Thursday 26 November 2026"))
        #expect(result.selfCare.first { $0.code == .coldPack }?.dose.contains("Thursday 26 November 2026") == true)
    }

    /// The aneurysm rule rests on an unconfirmed fact: on by default, off when the clinic switches it off, and no
    /// confirmed rule can be switched off by the same setting.
    @Test func theUnconfirmedAneurysmRuleIsAClinicSwitch() throws {
        #expect(RuleBook.switchable.map(\.code) == ["aortic-aneurysm"])
        let mass = Self.findings("pulsating-abdominal-mass")
        let on = try AssessmentFixtures.assess(mass)
        #expect(on.urgency == .emergency && on.referralReasons.map(\.code) == ["aortic-aneurysm"])
        let off = try AssessmentFixtures.assess(mass, settings: EngineSettings(rulesOff: ["aortic-aneurysm"]))
        #expect(off.urgency == .none && off.decision != .deferTreatment && !off.referralReasons.contains { $0.code == "aortic-aneurysm" })
        let tearing = try AssessmentFixtures.assess(Self.findings("tearing-pain"), settings: EngineSettings(rulesOff: ["aortic-aneurysm"]))
        #expect(tearing.urgency == .none)
        let confirmed = try AssessmentFixtures.assess(Self.findings("saddle-numbness"), settings: EngineSettings(rulesOff: ["cauda-equina"]))
        #expect(confirmed.urgency == .emergency, "only unconfirmed rules can be switched off")
    }

    @Test func acuteBoundaryIsASetting() throws {
        let fiveWeeks = AssessmentFixtures.json(["painStartedOn": "\"2026-10-20\""])
        #expect(try AssessmentFixtures.assess(fiveWeeks).phase == .subacute)
        #expect(try AssessmentFixtures.assess(fiveWeeks, settings: EngineSettings(acuteWeeks: 6)).phase == .acute)
        #expect(try AssessmentFixtures.assess(["painStartedOn": "\"2026-09-01\""]).phase == .subacute)  // exactly 12 weeks
        #expect(try AssessmentFixtures.assess(["painStartedOn": "\"2026-08-31\""]).phase == .chronic)
    }

    @Test func startBackScoring() throws {
        let high = try AssessmentFixtures.assess(["startBack": "{\"answers\":[true,false,false,true,true,true,true,false],\"bothersomeness\":\"very-much\"}"])
        #expect(high.risk == nil ? false : (high.risk!.total, high.risk!.psychosocial, high.risk!.level) == (6, 4, .high))
        let medium = try AssessmentFixtures.assess(["startBack": "{\"answers\":[true,true,true,true,false,false,false,false],\"bothersomeness\":\"slightly\"}"])
        #expect(medium.risk.map { ($0.total, $0.psychosocial, $0.level) } ?? (0, 0, .low) == (4, 0, .medium))
        let low = try AssessmentFixtures.assess(["startBack": "{\"answers\":[true,true,true,false,false,false,false,false],\"bothersomeness\":\"moderately\"}"])
        #expect(low.risk?.level == .low)
        #expect(try AssessmentFixtures.assess([:]).risk == nil)
    }
}
