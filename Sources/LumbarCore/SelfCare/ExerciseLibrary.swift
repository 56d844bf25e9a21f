/// Every self-care item of the contract, with easier and harder variants of the exercises, in Lumbar's own words.
/// The figures are described joint by joint in a 180 × 120 panel, floor at y = 110.
public enum ExerciseLibrary {
    typealias P = Figure.Point
    static let all: Set<Phase> = [.acute, .subacute, .chronic]

    public static func exercise(_ id: String) -> Exercise? { byId[id] }
    public static func variants(of code: SelfCareCode) -> [Exercise] { items.filter { $0.code == code }.sorted { $0.level < $1.level } }
    static let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })

    // MARK: Poses

    static let allFours = Figure(head: P(28, 64), shoulder: P(45, 70), hip: P(120, 70), elbow: P(45, 90), hand: P(45, 110), knee: P(120, 110), foot: P(160, 110))
    static let chair: [Figure.Prop] = [.line(P(80, 34), P(80, 110)), .line(P(80, 80), P(136, 80)), .line(P(136, 80), P(136, 110))]
    static let seated = Figure(head: P(96, 18), shoulder: P(95, 30), hip: P(90, 74), elbow: P(108, 52), hand: P(126, 64), knee: P(134, 72), foot: P(138, 110),
                               props: chair)
    static let standing = Figure(head: P(95, 12), shoulder: P(95, 24), hip: P(95, 62), elbow: P(97, 44), hand: P(98, 62), knee: P(95, 86), foot: P(97, 110),
                                 farKnee: P(93, 86), farFoot: P(91, 110))
    static let lyingBack = Figure(head: P(22, 100), shoulder: P(40, 104), hip: P(100, 104), elbow: P(62, 108), hand: P(84, 108), knee: P(128, 74), foot: P(150, 110))
    static let lyingFront = Figure(head: P(24, 99), shoulder: P(42, 104), hip: P(110, 104), elbow: P(58, 104), hand: P(34, 108), knee: P(140, 106), foot: P(170, 106))
    static let halfKneel = Figure(head: P(100, 14), shoulder: P(100, 26), hip: P(100, 70), elbow: P(104, 48), hand: P(100, 66), knee: P(64, 72), foot: P(64, 110),
                                  farKnee: P(118, 110), farFoot: P(156, 108))
    static let forearmsKnees = Figure(head: P(30, 80), shoulder: P(45, 86), hip: P(115, 78), elbow: P(45, 110), hand: P(70, 110), knee: P(115, 110), foot: P(155, 110))
    static let kneePlank = Figure(head: P(30, 80), shoulder: P(45, 86), hip: P(95, 97), elbow: P(45, 110), hand: P(70, 110), knee: P(128, 110), foot: P(160, 104))
    static let fullPlank = Figure(head: P(30, 80), shoulder: P(45, 86), hip: P(100, 92), elbow: P(45, 110), hand: P(70, 110), knee: P(132, 98), foot: P(166, 106))

    static func with(_ base: Figure, _ change: (inout Figure) -> Void) -> Figure {
        var figure = base
        change(&figure)
        return figure
    }

    // MARK: Items

    public static let items: [Exercise] = mobility + core + posture + thermal + calm

    /// The library as a therapist scans it when prescribing: the seed's kinds of self-care, each item's variants
    /// together, easiest first.
    public static let sections: [(title: String, items: [Exercise])] = [
        ("Stretches and mobility", mobility), ("Core strength", core), ("Posture", posture), ("Heat and cold", thermal),
        ("Stress and staying active", calm),
    ].map { title, items in
        var codes: [SelfCareCode] = []
        for item in items where !codes.contains(item.code) { codes.append(item.code) }
        return (title, codes.flatMap(variants(of:)))
    }

    static let mobility: [Exercise] = [
        Exercise("cat-cow", .catCow, name: "Cat-cow",
                 steps: ["Kneel on hands and knees, hands under shoulders, knees under hips.", "Breathe out and slowly round your back up toward the ceiling, letting your head drop.",
                         "Breathe in and let your back sink gently, lifting your head and tailbone.", "Keep the movement slow and smooth, only as far as is comfortable."],
                 dose: Dose(reps: 10, often: "morning and evening"), feel: "A gentle easing of stiffness along the spine.",
                 stop: "Stop if pain shoots into a leg, or if the back pain sharpens and stays worse afterwards.", phases: all,
                 start: with(allFours) { $0.spineBend = -12; $0.head = P(32, 82) }, end: with(allFours) { $0.spineBend = 8; $0.head = P(24, 56) },
                 labels: ("Round up", "Sink and lift")),
        Exercise("cat-cow-seated", .catCow, .easier, name: "Seated cat-cow",
                 steps: ["Sit tall near the front of a steady chair, feet flat, hands on your thighs.", "Breathe out and round your back, tucking your chin.",
                         "Breathe in, lift your chest and let your lower back arch a little.", "Move slowly within a comfortable range."],
                 dose: Dose(reps: 5, often: "2 to 3 times a day"), feel: "Easy movement, no strain.",
                 stop: "Stop if pain spreads into a leg or the back pain builds.", phases: [.acute, .subacute],
                 start: with(seated) { $0.spineBend = 6; $0.head = P(104, 24); $0.shoulder = P(100, 34) }, end: with(seated) { $0.spineBend = -4; $0.head = P(94, 14) },
                 labels: ("Round", "Lift the chest")),
        Exercise("childs-pose", .childsPose, name: "Child's pose",
                 steps: ["Start on hands and knees.", "Sit your hips back toward your heels.", "Walk your hands forward and let your chest rest down.",
                         "Breathe slowly and let your lower back lengthen."],
                 dose: Dose(sets: 3, holdSeconds: 30, often: "twice a day"), feel: "A mild stretch across the lower back and hips.",
                 stop: "Stop if your knees hurt or pain runs down a leg.", phases: all,
                 start: allFours,
                 end: Figure(head: P(56, 102), shoulder: P(70, 100), hip: P(138, 94), elbow: P(45, 106), hand: P(22, 108), knee: P(110, 110), foot: P(148, 110), spineBend: -6),
                 labels: ("Hands and knees", "Sit back and rest")),
        Exercise("childs-pose-supported", .childsPose, .easier, name: "Child's pose with a pillow",
                 steps: ["Kneel with a firm pillow lengthwise in front of you.", "Sit back toward your heels as far as is easy.",
                         "Rest your chest and head on the pillow.", "Breathe slowly."],
                 dose: Dose(sets: 3, holdSeconds: 20, often: "whenever it brings relief"), feel: "Restful, with very little stretch.",
                 stop: "Stop if it increases your pain.", phases: [.acute, .subacute],
                 start: with(allFours) { $0.props = [.box(P(55, 96), width: 60, height: 13, rounded: true)] },
                 end: Figure(head: P(56, 88), shoulder: P(72, 92), hip: P(136, 92), elbow: P(48, 98), hand: P(28, 106), knee: P(110, 110), foot: P(148, 110),
                             spineBend: -4, props: [.box(P(40, 96), width: 75, height: 13, rounded: true)]),
                 labels: ("Pillow in front", "Rest on the pillow")),
        Exercise("hip-flexor-stretch", .hipFlexorStretch, name: "Kneeling hip flexor stretch",
                 steps: ["Kneel on one knee on a cushion, the other foot flat in front.", "Tuck your tailbone under and tighten your belly.",
                         "Shift your hips gently forward until you feel a stretch at the front of the back hip.", "Hold, then swap sides."],
                 dose: Dose(sets: 3, holdSeconds: 30, often: "each side, twice a day"), feel: "A stretch at the front of the hip, not in the back.",
                 stop: "Stop if your lower back pinches or the kneeling knee hurts.", phases: [.subacute, .chronic],
                 start: halfKneel,
                 end: with(halfKneel) { $0.hip = P(88, 74); $0.shoulder = P(90, 30); $0.head = P(90, 18); $0.elbow = P(94, 52); $0.hand = P(90, 70); $0.knee = P(56, 74)
                     $0.props = [.arrow(P(112, 60), P(96, 60))] },
                 labels: ("Half kneel", "Hips forward")),
        Exercise("hip-flexor-stretch-standing", .hipFlexorStretch, .easier, name: "Standing hip flexor stretch",
                 steps: ["Stand side-on to a chair back and hold it.", "Step one foot well back, heel lifted.", "Tuck your tailbone under and bend the front knee a little.",
                         "Feel the stretch at the front of the back hip; hold, then swap sides."],
                 dose: Dose(sets: 2, holdSeconds: 20, often: "each side, once a day"), feel: "A light stretch at the front of the hip.",
                 stop: "Stop if you feel unsteady or the back pain sharpens.", phases: all,
                 start: with(standing) { $0.hand = P(50, 58); $0.elbow = P(72, 44); $0.props = [.line(P(45, 50), P(45, 110)), .line(P(45, 80), P(25, 80))] },
                 end: Figure(head: P(90, 14), shoulder: P(90, 26), hip: P(92, 68), elbow: P(70, 46), hand: P(50, 58), knee: P(64, 86), foot: P(60, 110),
                             farKnee: P(116, 92), farFoot: P(138, 108), props: [.line(P(45, 50), P(45, 110)), .line(P(45, 80), P(25, 80))]),
                 labels: ("Hold the chair", "Step back and tuck")),
        Exercise("hip-flexor-stretch-reach", .hipFlexorStretch, .harder, name: "Kneeling hip flexor stretch with reach",
                 steps: ["Set up as for the kneeling stretch.", "Shift your hips forward until you feel the stretch.", "Reach the arm on the kneeling side up overhead.",
                         "Hold, breathing slowly, then swap sides."],
                 dose: Dose(sets: 3, holdSeconds: 30, often: "each side, once a day"), feel: "A longer stretch from the front of the hip up the side.",
                 stop: "Stop if your lower back pinches.", phases: [.chronic],
                 start: halfKneel,
                 end: with(halfKneel) { $0.hip = P(88, 74); $0.shoulder = P(90, 30); $0.head = P(90, 18); $0.knee = P(56, 74); $0.elbow = P(98, 14); $0.hand = P(104, 3) },
                 labels: ("Half kneel", "Hips forward, arm up")),
    ]

    static let core: [Exercise] = [
        Exercise("plank", .plank, name: "Forearm plank",
                 steps: ["Lie face down and prop yourself on your forearms, elbows under shoulders.", "Tighten your belly and buttocks.",
                         "Lift your knees so your body makes a straight line from head to heels.", "Breathe normally; lower before your back sags."],
                 dose: Dose(sets: 3, holdSeconds: 20, often: "once a day"), feel: "Your belly and shoulders working; no pain in the back.",
                 stop: "Stop if your lower back aches or sags, or pain spreads.", phases: [.subacute, .chronic],
                 start: forearmsKnees, end: fullPlank, labels: ("Forearms and knees", "Lift to a straight line")),
        Exercise("plank-knees", .plank, .easier, name: "Knee plank",
                 steps: ["Prop yourself on your forearms and knees.", "Walk your knees back until your body is straight from head to knees.",
                         "Tighten your belly and hold.", "Lower to rest before your back sags."],
                 dose: Dose(sets: 3, holdSeconds: 10, often: "once a day"), feel: "Belly muscles working gently.",
                 stop: "Stop if your back hurts during or after.", phases: [.acute, .subacute],
                 start: forearmsKnees, end: kneePlank, labels: ("Forearms and knees", "Straight from head to knees")),
        Exercise("plank-leg-lift", .plank, .harder, name: "Plank with leg lift",
                 steps: ["Hold a forearm plank.", "Keeping your hips level, lift one foot a hand's height.", "Lower it and lift the other.",
                         "Keep your back straight throughout."],
                 dose: Dose(sets: 2, reps: 6, often: "once a day, every other day"), feel: "Hard work for belly and buttocks; steady hips.",
                 stop: "Stop if your hips twist or your back aches.", phases: [.chronic],
                 start: fullPlank, end: with(fullPlank) { $0.knee = P(134, 88); $0.foot = P(168, 78); $0.farKnee = P(132, 98); $0.farFoot = P(166, 106) },
                 labels: ("Plank", "Lift one leg")),
        Exercise("bridge", .bridge, name: "Bridge",
                 steps: ["Lie on your back, knees bent, feet flat and hip-width apart.", "Tighten your belly and squeeze your buttocks.",
                         "Lift your hips until your body is straight from knees to shoulders.", "Hold, then lower slowly."],
                 dose: Dose(sets: 2, reps: 10, holdSeconds: 5, often: "once a day"), feel: "Buttocks and the backs of the thighs working.",
                 stop: "Stop if your back pinches or you feel cramp you cannot ease.", phases: [.subacute, .chronic],
                 start: lyingBack, end: with(lyingBack) { $0.hip = P(100, 80); $0.knee = P(130, 70) }, labels: ("Knees bent", "Hips up")),
        Exercise("bridge-small", .bridge, .easier, name: "Small bridge",
                 steps: ["Lie on your back, knees bent, feet flat.", "Flatten your lower back to the floor by tightening your belly.",
                         "Lift your hips just off the floor.", "Hold briefly and lower slowly."],
                 dose: Dose(reps: 5, holdSeconds: 3, often: "once or twice a day"), feel: "A gentle squeeze in the buttocks.",
                 stop: "Stop if it sharpens your pain.", phases: [.acute, .subacute],
                 start: lyingBack, end: with(lyingBack) { $0.hip = P(100, 95); $0.knee = P(129, 72) }, labels: ("Knees bent", "Hips just off the floor")),
        Exercise("bridge-single-leg", .bridge, .harder, name: "Single-leg bridge",
                 steps: ["Lie on your back with one knee bent and the other leg straight.", "Lift the straight leg to the height of the bent knee.",
                         "Push through the planted foot to lift your hips level.", "Lower slowly; swap sides."],
                 dose: Dose(sets: 2, reps: 8, often: "each side, once a day"), feel: "Strong work in one buttock; hips stay level.",
                 stop: "Stop if your hips drop to one side or your back aches.", phases: [.chronic],
                 start: with(lyingBack) { $0.farKnee = P(136, 104); $0.farFoot = P(170, 104) },
                 end: with(lyingBack) { $0.hip = P(100, 80); $0.knee = P(130, 70); $0.farKnee = P(132, 70); $0.farFoot = P(166, 62) },
                 labels: ("One leg straight", "Lift on one leg")),
    ]

    static let posture: [Exercise] = [
        Exercise("posture-breaks", .postureBreaks, name: "Posture breaks",
                 steps: ["Set a timer for every 30 minutes of sitting or standing.", "When it goes, stand up and walk a few steps.",
                         "Reach your arms up and lean back gently.", "Then carry on, changing position."],
                 dose: Dose(minutes: 2, often: "every 30 minutes"), feel: "Relief from stiffness.",
                 stop: "Never a reason to stop; skip the lean back if it hurts.", phases: all,
                 start: with(seated) { $0.elbow = P(116, 50); $0.hand = P(140, 58); $0.props = chair + [.line(P(130, 62), P(176, 62)), .line(P(170, 62), P(170, 110))] },
                 end: Figure(head: P(95, 20), shoulder: P(95, 32), hip: P(95, 66), elbow: P(103, 16), hand: P(108, 3), knee: P(95, 88), foot: P(97, 110),
                             farElbow: P(87, 16), farHand: P(82, 3), farKnee: P(93, 88), farFoot: P(91, 110)),
                 labels: ("Sitting a while", "Stand, reach, walk")),
        Exercise("lumbar-cushion", .lumbarCushion, name: "Lumbar cushion",
                 steps: ["Sit right back in your chair.", "Place a small cushion or rolled towel behind the small of your back.",
                         "Let it hold the gentle inward curve of your lower back.", "Keep both feet flat."],
                 dose: Dose(often: "whenever you sit for more than 20 minutes"), feel: "Supported, sitting taller without effort.",
                 stop: "Take it out if it pushes uncomfortably; try a thinner roll.", phases: all,
                 start: with(seated) { $0.spineBend = 7; $0.head = P(108, 26); $0.shoulder = P(102, 36) },
                 end: with(seated) { $0.props = chair + [.box(P(81, 52), width: 10, height: 16, rounded: true)] },
                 labels: ("Slumped", "Cushion behind the back")),
    ]

    static let thermal: [Exercise] = [
        Exercise("cold-pack", .coldPack, name: "Cold pack",
                 steps: ["Wrap a cold pack or a bag of frozen peas in a thin towel.", "Lie comfortably and rest it on the sore area.",
                         "Take it off after 10 to 15 minutes.", "Never put ice straight on the skin."],
                 dose: Dose(minutes: 15, often: "every 2 to 3 hours in the first 48 hours"), feel: "Cold, then numb; the skin pink, not white.",
                 stop: "Stop if the skin turns white or blistered, or burns.", phases: [.acute],
                 start: with(lyingFront) { $0.props = [.box(P(60, 40), width: 50, height: 18, rounded: true)] },
                 end: with(lyingFront) { $0.props = [.box(P(84, 92), width: 34, height: 9, rounded: true)] },
                 labels: ("Wrap it in a towel", "Rest it on the sore area")),
        Exercise("heat", .heat, name: "Heat",
                 steps: ["Use a warm heating pad, hot water bottle or warm shower.", "Warm, never hot: test it on your forearm first.",
                         "Rest it on your lower back for 15 to 20 minutes.", "Do not fall asleep on a heating pad."],
                 dose: Dose(minutes: 20, often: "2 to 3 times a day"), feel: "Comfortable warmth and looser muscles.",
                 stop: "Stop if the skin gets red and blotchy or feels burnt.", phases: all,
                 start: with(lyingBack) { $0.props = [.box(P(60, 40), width: 50, height: 16, rounded: true)] },
                 end: with(lyingBack) { $0.props = [.box(P(70, 104), width: 36, height: 6, rounded: true)] },
                 labels: ("Warm, not hot", "Under the lower back")),
    ]

    static let calm: [Exercise] = [
        Exercise("breathing", .breathing, name: "Belly breathing",
                 steps: ["Lie on your back with knees bent, one hand on your belly.", "Breathe in through your nose so your belly rises under your hand.",
                         "Breathe out slowly, a little longer than you breathed in.", "Let your shoulders and jaw soften."],
                 dose: Dose(minutes: 5, often: "twice a day"), feel: "Calmer, with looser shoulders and back.",
                 stop: "If you feel dizzy, breathe normally for a while.", phases: all,
                 start: with(lyingBack) { $0.spineBend = -4; $0.elbow = P(56, 96); $0.hand = P(72, 94) },
                 end: with(lyingBack) { $0.elbow = P(56, 100); $0.hand = P(72, 102) }, labels: ("Breathe in: belly rises", "Breathe out slowly")),
        Exercise("meditation", .meditation, name: "Quiet attention",
                 steps: ["Sit or lie comfortably somewhere quiet.", "Close your eyes or rest your gaze.", "Notice each breath coming in and going out.",
                         "When your mind wanders, bring it back kindly to the breath."],
                 dose: Dose(minutes: 10, often: "once a day"), feel: "Settled; pain may feel less pressing.",
                 stop: "Open your eyes and move if it stirs up distress.", phases: all,
                 start: Figure(head: P(90, 50), shoulder: P(90, 62), hip: P(90, 104), elbow: P(104, 82), hand: P(118, 98), knee: P(122, 100), foot: P(102, 108),
                               farKnee: P(58, 100), farFoot: P(78, 108)),
                 end: Figure(head: P(90, 50), shoulder: P(90, 62), hip: P(90, 104), elbow: P(102, 86), hand: P(92, 98), knee: P(122, 100), foot: P(102, 108),
                             farKnee: P(58, 100), farFoot: P(78, 108)),
                 labels: ("Sit comfortably", "Rest on the breath")),
        Exercise("gentle-yoga", .gentleYoga, name: "Gentle yoga",
                 steps: ["Choose a gentle or back-care class, in person or online.", "Move slowly and breathe through each pose.",
                         "Bend your knees in forward folds.", "Skip any pose that sharpens your pain."],
                 dose: Dose(minutes: 30, often: "2 to 3 times a week"), feel: "Stretched and relaxed, not sore.",
                 stop: "Leave out any pose that hurts or sends pain down a leg.", phases: [.subacute, .chronic],
                 start: standing,
                 end: Figure(head: P(116, 98), shoulder: P(112, 86), hip: P(95, 62), elbow: P(112, 98), hand: P(108, 108), knee: P(102, 86), foot: P(97, 110),
                             farKnee: P(100, 86), farFoot: P(91, 110), spineBend: 4),
                 labels: ("Stand tall", "Fold forward, knees soft")),
        Exercise("stay-active", .stayActive, name: "Stay active",
                 steps: ["Keep up your everyday activities as far as the pain allows.", "Take short walks, a little longer each day.",
                         "Change position often.", "Avoid long rests in bed; they slow recovery."],
                 dose: Dose(minutes: 10, often: "several walks every day"), feel: "Some soreness is fine and does not mean harm.",
                 stop: "Slow down, not stop, if pain rises; get advice if it keeps rising.", phases: all,
                 start: Figure(head: P(93, 14), shoulder: P(92, 26), hip: P(90, 64), elbow: P(82, 44), hand: P(78, 62), knee: P(102, 86), foot: P(112, 110),
                               farElbow: P(100, 44), farHand: P(108, 58), farKnee: P(84, 88), farFoot: P(72, 108)),
                 end: Figure(head: P(103, 14), shoulder: P(102, 26), hip: P(100, 64), elbow: P(110, 44), hand: P(118, 58), knee: P(92, 88), foot: P(82, 108),
                             farElbow: P(94, 44), farHand: P(90, 62), farKnee: P(112, 86), farFoot: P(122, 110)),
                 labels: ("Short walks", "Several times a day")),
    ]
}
