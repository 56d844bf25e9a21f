/// What each self-care item asks of the client and how much, worded for the client and dosed by phase.
public enum SelfCareLibrary {
    public static func text(_ code: SelfCareCode) -> String {
        switch code {
        case .catCow: return "On hands and knees, slowly round your back up like a cat, then let it sink and lift your head. Move only as far as is comfortable."
        case .childsPose: return "Kneel, sit back toward your heels and reach your arms forward on the floor, letting your lower back lengthen."
        case .hipFlexorStretch: return "Half-kneel with one knee down, tuck your tailbone under and shift forward until you feel a stretch at the front of that hip."
        case .plank: return "Hold your body in a straight line on your forearms, with your belly drawn in. Stop before your back sags."
        case .bridge: return "Lie on your back with knees bent, tighten your belly and buttocks and lift your hips until your body is straight from knees to shoulders."
        case .postureBreaks: return "Set a reminder to get up, walk a few steps and stretch during long spells of sitting or standing."
        case .lumbarCushion: return "Place a small cushion or rolled towel behind the small of your back when you sit."
        case .coldPack: return "Wrap a cold pack or bag of frozen peas in a thin towel and rest it on the sore area. Never put ice straight on skin."
        case .heat: return "Use a warm (not hot) heating pad, hot water bottle or warm shower on the lower back."
        case .breathing: return "Breathe in slowly through your nose so your belly rises, then breathe out for longer than you breathed in."
        case .meditation: return "Sit or lie comfortably and rest your attention on your breath; when your mind wanders, gently bring it back."
        case .gentleYoga: return "Follow a gentle or back-care yoga class, moving slowly and skipping any pose that sharpens your pain."
        case .stayActive: return "Keep up your normal day as much as the pain allows and take short walks; staying in bed slows recovery."
        }
    }

    public static func dose(_ code: SelfCareCode, phase: Phase, context: AssessmentContext? = nil) -> String {
        let acute = phase == .acute
        switch code {
        case .catCow: return acute ? "5 slow rounds, 2 to 3 times a day" : "10 slow rounds, morning and evening"
        case .childsPose: return acute ? "Hold 20 seconds, 3 times, whenever it brings relief" : "Hold 30 seconds, 3 times, twice a day"
        case .hipFlexorStretch: return acute ? "Hold 20 seconds each side, twice, once a day" : "Hold 30 seconds each side, 3 times, twice a day"
        case .plank:
            switch phase {
            case .acute: return "Knee plank: hold 10 seconds, 3 times, once a day"
            case .subacute: return "Knee plank, moving to full plank when easy: hold 15 to 20 seconds, 3 times, once a day"
            case .chronic: return "Full plank: hold 20 to 30 seconds, 3 times, once a day; add 5 seconds each week"
            }
        case .bridge:
            switch phase {
            case .acute: return "Small bridge: 5 slow lifts holding 3 seconds, once or twice a day"
            case .subacute: return "10 lifts holding 5 seconds, once a day"
            case .chronic: return "2 sets of 12 lifts holding 5 seconds, once a day; move to single-leg bridges when easy"
            }
        case .postureBreaks: return "1 to 2 minutes of movement every 30 minutes"
        case .lumbarCushion: return "Whenever you sit for more than 20 minutes"
        case .coldPack:
            if let context { return "10 to 15 minutes every 2 to 3 hours, until \(context.coldUntil.spoken)" }
            return "10 to 15 minutes every 2 to 3 hours, for the first 48 hours"
        case .heat: return "15 to 20 minutes, 2 to 3 times a day"
        case .breathing: return "5 minutes, twice a day"
        case .meditation: return "10 minutes a day"
        case .gentleYoga: return "2 to 3 sessions a week"
        case .stayActive: return "Short walks several times every day"
        }
    }
}
