// The contract's stable vocabulary (shared/spec/assessment.md, version 1). Raw values are the wire codes.

/// A vocabulary whose raw values are contract codes; `allCases` order is the contract's order.
public protocol ContractCode: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension ContractCode {
    /// The case's position in declaration order. A payload-free enum of 2–256 cases is stored as its one-byte
    /// case index; a test checks this against `allCases` for every vocabulary.
    @inline(__always) public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    // Compare and hash by case, not by raw string (the RawRepresentable defaults): the engine does this
    // hundreds of times per assessment.
    @inline(__always) public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
    @inline(__always) public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

public enum Onset: String, ContractCode { case sudden, gradual }

public enum LegPain: String, ContractCode {
    case none
    case aboveKnee = "above-knee"
    case belowKnee = "below-knee"
}

public enum LegSides: String, ContractCode { case none, one, both }

public enum PressurePreference: String, ContractCode { case light, moderate, firm }

public enum Bothersomeness: String, ContractCode {
    case notAtAll = "not-at-all"
    case slightly, moderately
    case veryMuch = "very-much"
    case extremely
}

public enum Factor: String, ContractCode {
    case poorPosture = "poor-posture"
    case prolongedSitting = "prolonged-sitting"
    case prolongedStanding = "prolonged-standing"
    case weakCore = "weak-core"
    case sciatica
    case discHerniation = "disc-herniation"
    case stress
    case liftingStrain = "lifting-strain"
    case overuse
}

public enum Finding: String, ContractCode {
    // neurological
    case legNumbness = "leg-numbness"
    case legTingling = "leg-tingling"
    case legWeakness = "leg-weakness"
    case legWeaknessProgressive = "leg-weakness-progressive"
    case saddleNumbness = "saddle-numbness"
    case bladderDysfunction = "bladder-dysfunction"
    case bowelDysfunction = "bowel-dysfunction"
    case sexualDysfunctionNew = "sexual-dysfunction-new"
    case gaitDisturbance = "gait-disturbance"
    // systemic
    case fever
    case unexplainedWeightLoss = "unexplained-weight-loss"
    case nightPainUnrelieved = "night-pain-unrelieved"
    case historyOfCancer = "history-of-cancer"
    case ivDrugUse = "iv-drug-use"
    case immunosuppression
    case recentBacterialInfection = "recent-bacterial-infection"
    // fracture
    case majorTrauma = "major-trauma"
    case minorTrauma = "minor-trauma"
    case osteoporosis
    case longTermCorticosteroids = "long-term-corticosteroids"
    // inflammatory pattern
    case morningStiffness = "morning-stiffness-over-30-min"
    case improvesWithMovement = "improves-with-movement"
    case wakesSecondHalfOfNight = "wakes-second-half-of-night"
    case buttockPain = "buttock-pain"
    case nsaidRelief48h = "nsaid-relief-48h"
    case familySpondyloarthritis = "family-spondyloarthritis"
    case historyArthritisEnthesitisPsoriasis = "history-arthritis-enthesitis-psoriasis"
    // vascular
    case pulsatingAbdominalMass = "pulsating-abdominal-mass"
    case tearingPain = "tearing-pain"
    // general and local conditions
    case dvtSuspected = "dvt-suspected"
    case contagiousIllness = "contagious-illness"
    case uncontrolledHypertension = "uncontrolled-hypertension"
    case unstableCardiac = "unstable-cardiac"
    case pacemaker
    case bleedingDisorder = "bleeding-disorder"
    case acuteInflammation = "acute-inflammation"
    case skinLesionLowBack = "skin-lesion-low-back"
    case recentSurgeryLowBack = "recent-surgery-low-back"
    case varicoseVeinsLowBack = "varicose-veins-low-back"
    case undiagnosedLump = "undiagnosed-lump"
    case reducedSensation = "reduced-sensation"
    case menstruation
    case recentBloodDonation = "recent-blood-donation"
    // medications
    case anticoagulant
    case antiplatelet
    case nsaidOrMuscleRelaxant = "nsaid-or-muscle-relaxant"
    // palpation (therapist)
    case fascialRestriction = "fascial-restriction"
    case triggerPoints = "trigger-points"
    case referredPain = "referred-pain"
    case muscleKnots = "muscle-knots"
    case muscleImbalance = "muscle-imbalance"
    case hypertonicity
    case stiffness
}

public enum Phase: String, ContractCode { case acute, subacute, chronic }

/// Referral urgency, ordered: a higher case is more urgent.
public enum Urgency: String, ContractCode, Comparable {
    case none, routine, urgent, emergency
    var rank: Int { ordinal }
    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rank < rhs.rank }
}

/// Today's treatment decision, ordered from least to most restrictive.
public enum TreatmentDecision: String, ContractCode, Comparable {
    case proceed, modify
    case deferTreatment = "defer"
    var rank: Int { ordinal }
    public static func < (lhs: TreatmentDecision, rhs: TreatmentDecision) -> Bool { lhs.rank < rhs.rank }
}

/// The seed's six techniques, in contract order.
public enum Technique: String, ContractCode {
    case myofascialRelease = "myofascial-release"
    case deepTissue = "deep-tissue"
    case triggerPoint = "trigger-point"
    case swedish
    case neuromuscular
    case cupping

    public var name: String {
        switch self {
        case .myofascialRelease: return "Myofascial release"
        case .deepTissue: return "Deep tissue massage"
        case .triggerPoint: return "Trigger point therapy"
        case .swedish: return "Swedish massage"
        case .neuromuscular: return "Neuromuscular therapy"
        case .cupping: return "Cupping"
        }
    }
}

public enum TechniqueStatus: String, ContractCode {
    case recommended, suitable, caution, contraindicated

    /// How restrictive a status is: recommended and suitable both leave the technique open.
    public var strictness: Int {
        switch self {
        case .recommended, .suitable: return 0
        case .caution: return 1
        case .contraindicated: return 2
        }
    }
}

public enum SelfCareCode: String, ContractCode {
    case catCow = "cat-cow"
    case childsPose = "childs-pose"
    case hipFlexorStretch = "hip-flexor-stretch"
    case plank, bridge
    case postureBreaks = "posture-breaks"
    case lumbarCushion = "lumbar-cushion"
    case coldPack = "cold-pack"
    case heat, breathing, meditation
    case gentleYoga = "gentle-yoga"
    case stayActive = "stay-active"
}

public enum ThermalCode: String, ContractCode { case cold, heat, none }
