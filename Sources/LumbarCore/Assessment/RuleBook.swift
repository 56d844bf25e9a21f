/// Every clinical rule the engine applies, in the order they are printed and reasons are listed.
/// Sources name the fact in shared/clinical-reference.md they rest on.
public enum RuleBook {
    public static let all: [ClinicalRule] =
        redFlags + generalContraindications + localContraindications + precautions + indications + selfCare + thermal
        + yellowFlags

    /// Rules the engine applies when no other rule speaks: listed so every reason code is in the table.
    public static let fallbacks: [ClinicalRule] = [
        ClinicalRule("treatment-proceed", when: "no rule defers or modifies treatment", does: [.decide(.proceed)],
                     source: "clinical-reference §3",
                     says: "Nothing today stands in the way of treatment as planned.", if: { _ in true }),
        ClinicalRule("technique-suitable", when: "no rule recommends or restricts this technique", does: [],
                     source: "clinical-reference §4",
                     says: "Nothing today points for or against this technique; it can be used if it fits the plan.",
                     if: { _ in true }),
        ClinicalRule("technique-deferred", when: "treatment is deferred", does: [],
                     source: "clinical-reference §2-3",
                     says: "No hands-on treatment today; the referral advice comes first.", if: { _ in true }),
        ClinicalRule("swedish-safe-default", when: "another technique is restricted and Swedish is not",
                     does: [.technique(.swedish, .recommended)], source: "clinical-reference §4",
                     says: "Swedish massage is the gentlest option while other techniques are limited.",
                     if: { _ in true }),
        ClinicalRule("thermal-deferred", when: "treatment is deferred", does: [.thermal(.none)],
                     source: "clinical-reference §5",
                     says: "Hold off on heat or cold packs until a physician has seen you.", if: { _ in true }),
    ]

    /// Rules the clinic may switch off (their facts are unconfirmed), in table order.
    public static let switchable: [ClinicalRule] = all.filter { $0.switchLabel != nil }

    private static let byCode: [String: ClinicalRule] =
        Dictionary((all + fallbacks).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    public static func rule(_ code: String) -> ClinicalRule? { byCode[code] }
}
