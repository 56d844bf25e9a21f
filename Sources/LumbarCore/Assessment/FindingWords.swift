/// Findings in the words a therapist writes in a chart, for pages and print; the contract codes stay for storage.
public enum FindingWords {
    public static func label(_ finding: Finding) -> String {
        switch finding {
        case .legNumbness: return "Numbness in a leg"
        case .legTingling: return "Tingling in a leg"
        case .legWeakness: return "Leg weakness"
        case .legWeaknessProgressive: return "Leg weakness getting worse"
        case .saddleNumbness: return "Numbness in the saddle area"
        case .bladderDysfunction: return "New bladder trouble"
        case .bowelDysfunction: return "New bowel trouble"
        case .sexualDysfunctionNew: return "New sexual dysfunction"
        case .gaitDisturbance: return "Trouble walking"
        case .fever: return "Fever"
        case .unexplainedWeightLoss: return "Weight loss without a reason"
        case .nightPainUnrelieved: return "Night pain that rest does not ease"
        case .historyOfCancer: return "History of cancer"
        case .ivDrugUse: return "Intravenous drug use"
        case .immunosuppression: return "Weakened immune system"
        case .recentBacterialInfection: return "Recent bacterial infection"
        case .majorTrauma: return "Major trauma"
        case .minorTrauma: return "Minor trauma"
        case .osteoporosis: return "Osteoporosis"
        case .longTermCorticosteroids: return "Long-term corticosteroids"
        case .morningStiffness: return "Morning stiffness over 30 minutes"
        case .improvesWithMovement: return "Better with movement"
        case .wakesSecondHalfOfNight: return "Wakes in the second half of the night"
        case .buttockPain: return "Buttock pain"
        case .nsaidRelief48h: return "Eased by anti-inflammatories within 48 hours"
        case .familySpondyloarthritis: return "Family history of spondyloarthritis"
        case .historyArthritisEnthesitisPsoriasis: return "History of arthritis, enthesitis or psoriasis"
        case .pulsatingAbdominalMass: return "Pulsating mass in the abdomen"
        case .tearingPain: return "Tearing pain"
        case .dvtSuspected: return "Suspected deep vein clot"
        case .contagiousIllness: return "Contagious illness"
        case .uncontrolledHypertension: return "Uncontrolled high blood pressure"
        case .unstableCardiac: return "Unstable heart condition"
        case .pacemaker: return "Pacemaker"
        case .bleedingDisorder: return "Bleeding disorder"
        case .acuteInflammation: return "Acute inflammation"
        case .skinLesionLowBack: return "Skin lesion on the low back"
        case .recentSurgeryLowBack: return "Recent low back surgery"
        case .varicoseVeinsLowBack: return "Varicose veins on the low back"
        case .undiagnosedLump: return "Lump not yet diagnosed"
        case .reducedSensation: return "Reduced sensation"
        case .menstruation: return "Menstruating"
        case .recentBloodDonation: return "Recent blood donation"
        case .anticoagulant: return "Takes a blood thinner"
        case .antiplatelet: return "Takes an antiplatelet"
        case .nsaidOrMuscleRelaxant: return "Took an anti-inflammatory or muscle relaxant"
        case .fascialRestriction: return "Fascial restriction"
        case .triggerPoints: return "Trigger points"
        case .referredPain: return "Referred pain"
        case .muscleKnots: return "Muscle knots"
        case .muscleImbalance: return "Muscle imbalance"
        case .hypertonicity: return "Hypertonic muscles"
        case .stiffness: return "Stiffness"
        }
    }

    /// "Trigger points, hypertonic muscles": a list read as one phrase.
    public static func list(_ findings: [Finding]) -> String {
        let labels = findings.map(label)
        guard let first = labels.first else { return "none" }
        return ([first] + labels.dropFirst().map { $0.prefix(1).lowercased() + $0.dropFirst() }).joined(separator: ", ")
    }
}
