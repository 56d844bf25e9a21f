/// The intake's fixed questions, in Lumbar's own plain words. Each warning-sign question reports one contract
/// finding; `IntakeForm` turns answers into the assessment contract.
public enum IntakeCatalogue {
    typealias Option = IntakeQuestion.Option

    static let about = IntakeStep(
        id: "about", title: "About you",
        intro: "How we reach you, and who to call if something happens during a visit.",
        questions: [
            IntakeQuestion("firstName", "First name", help: "As it should appear on your receipts.", kind: .text(.name)),
            IntakeQuestion("lastName", "Last name", help: "As it should appear on your receipts.", kind: .text(.name)),
            IntakeQuestion("dateOfBirth", "Date of birth", help: "Some advice depends on age.", kind: .date),
            IntakeQuestion("phone", "Phone", help: "A number where the clinic can reach you.", kind: .phone),
            IntakeQuestion("emergencyName", "Emergency contact's name", help: "Someone we can call if you are unwell during a visit.", kind: .text(.name)),
            IntakeQuestion("emergencyPhone", "Emergency contact's phone", help: "Include the area code.", kind: .phone),
        ])

    static let history = IntakeStep(
        id: "history", title: "Your health",
        intro: "Some conditions and medicines change how a massage therapist works. Tick what applies; leave the rest.",
        questions: [
            IntakeQuestion("conditions", "Do you have, or have you had, any of these?", help: "Tick all that apply.", kind: .multiChoice([
                Option(Finding.historyOfCancer.rawValue, "Cancer, now or in the past"),
                Option(Finding.osteoporosis.rawValue, "Osteoporosis (thin or fragile bones)"),
                Option(Finding.immunosuppression.rawValue, "A weakened immune system, from an illness or its treatment"),
                Option(Finding.bleedingDisorder.rawValue, "A bleeding or clotting disorder, such as haemophilia"),
                Option(Finding.pacemaker.rawValue, "A pacemaker or other implanted heart device"),
                Option(Finding.unstableCardiac.rawValue, "A heart condition that is not stable, or chest pain on effort"),
                Option(Finding.uncontrolledHypertension.rawValue, "High blood pressure that is not under control"),
                Option(Finding.reducedSensation.rawValue, "Less feeling in your skin than usual, for example from diabetes"),
                Option(Finding.historyArthritisEnthesitisPsoriasis.rawValue, "Arthritis, psoriasis, or painful swelling where tendons join bone"),
                Option(Finding.familySpondyloarthritis.rawValue, "A parent, sibling or child with ankylosing spondylitis or a similar spine arthritis"),
            ]), required: false),
            IntakeQuestion("conditionsOther", "Any other health conditions", help: "Anything else a therapist should know, in your own words.", kind: .longText, required: false),
            IntakeQuestion("medications", "Do you take any of these?", help: "Tick all that apply.", kind: .multiChoice([
                Option(Finding.anticoagulant.rawValue, "A blood thinner, such as warfarin, apixaban or rivaroxaban"),
                Option(Finding.antiplatelet.rawValue, "Daily aspirin, clopidogrel or a similar pill that stops clotting"),
                Option(Finding.nsaidOrMuscleRelaxant.rawValue, "Anti-inflammatory painkillers or muscle relaxants, regularly"),
                Option(Finding.longTermCorticosteroids.rawValue, "Steroid tablets such as prednisone, for three months or longer"),
            ]), required: false),
            IntakeQuestion("medicationsOther", "Other medicines and supplements", help: "Names and doses if you know them.", kind: .longText, required: false),
            IntakeQuestion("surgeries", "Recent surgery", help: "Tick if it applies.", kind: .multiChoice([
                Option(Finding.recentSurgeryLowBack.rawValue, "Surgery on your lower back, hips or belly in the last three months"),
            ]), required: false),
            IntakeQuestion("surgeriesOther", "Other surgeries or injuries, and when", help: "For example: knee surgery, 2019.", kind: .longText, required: false),
            IntakeQuestion("allergies", "Allergies", help: "Especially to oils, lotions, nuts or latex.", kind: .longText, required: false),
            IntakeQuestion("thisWeek", "Does any of this apply this week?", help: "These affect only some techniques, such as cupping.", kind: .multiChoice([
                Option(Finding.menstruation.rawValue, "I have my period"),
                Option(Finding.recentBloodDonation.rawValue, "I gave blood in the last few days"),
            ]), required: false),
            IntakeQuestion("pregnant", "Are you pregnant?", help: "Pregnancy changes how you lie on the table and which techniques are used.", kind: .yesNo),
            IntakeQuestion("pregnancyWeeks", "How many weeks pregnant?", help: "Your best guess is fine.", kind: .number(1...42),
                           required: false, requiredWhen: ("pregnant", "yes")),
        ])

    static let causes: [Option] = [
        Option(Factor.poorPosture.rawValue, "Slouching or awkward posture"),
        Option(Factor.prolongedSitting.rawValue, "Sitting for long stretches"),
        Option(Factor.prolongedStanding.rawValue, "Standing for long stretches"),
        Option(Factor.weakCore.rawValue, "Weak stomach and back muscles"),
        Option(Factor.sciatica.rawValue, "Sciatica (nerve pain down the leg)"),
        Option(Factor.discHerniation.rawValue, "A slipped or bulging disc a doctor told you about"),
        Option(Factor.stress.rawValue, "Stress"),
        Option(Factor.liftingStrain.rawValue, "Lifting, twisting or a strain"),
        Option(Factor.overuse.rawValue, "Repeating the same movement at work or in sport"),
    ]

    static func pain(nprs: QuestionnaireDefinition) -> IntakeStep {
        IntakeStep(
            id: "pain", title: "Your back pain",
            intro: "About this episode: the pain that brings you in now.",
            questions: [
                IntakeQuestion("onset", "How did it start?", help: "Choose the closer one.", kind: .choice([
                    Option(Onset.sudden.rawValue, "Suddenly: I can name the moment"), Option(Onset.gradual.rawValue, "Gradually: it built up over time"),
                ])),
                IntakeQuestion("painStartedOn", "When did it start?", help: "Your best guess at the first day is fine.", kind: .date),
                IntakeQuestion("painNow", nprs.items[0].text, help: nprs.instructions,
                               kind: .scale(0...10, low: "No pain", high: "Worst imaginable")),
                IntakeQuestion("legPain", "Does the pain travel into a leg?", help: "Think of where it reaches at its furthest.", kind: .choice([
                    Option(LegPain.none.rawValue, "No, it stays in my back or buttocks"),
                    Option(LegPain.aboveKnee.rawValue, "Yes, into the thigh but not past the knee"),
                    Option(LegPain.belowKnee.rawValue, "Yes, below the knee, into the calf or foot"),
                ])),
                IntakeQuestion("legSides", "Which legs have pain, numbness, tingling or weakness?", help: "Count any of the four.", kind: .choice([
                    Option(LegSides.none.rawValue, "Neither"), Option(LegSides.one.rawValue, "One leg"), Option(LegSides.both.rawValue, "Both legs"),
                ])),
                IntakeQuestion("factors", "What do you think plays a part?", help: "Tick all that apply; your therapist will add what they find.",
                               kind: .multiChoice(causes), required: false),
                IntakeQuestion("pressure", "What pressure do you usually like in a massage?", help: "You can change your mind at any visit.", kind: .choice([
                    Option(PressurePreference.light.rawValue, "Light"), Option(PressurePreference.moderate.rawValue, "Moderate"),
                    Option(PressurePreference.firm.rawValue, "Firm"),
                ]), required: false),
                IntakeQuestion("medicallyAssessed", "Has a doctor or nurse practitioner examined your back for this episode?",
                               help: "A visit about this pain since it started.", kind: .yesNo),
                IntakeQuestion("painNotes", "Anything else about your pain", help: "What makes it better or worse, what you hope to get back to.",
                               kind: .longText, required: false),
            ])
    }

    static let nerves = IntakeStep(
        id: "nerves", title: "Nerves, bladder and bowel",
        intro: "A few questions every clinic must ask. Most people answer no to all of them.",
        questions: [
            .sign(.saddleNumbness, "Is there numbness or pins and needles around your bottom, genitals or inner thighs?",
                  help: "The area that would touch a bicycle saddle.", tell: "numbness around my bottom, genitals or inner thighs"),
            .sign(.bladderDysfunction, "Since the back pain began, any new trouble passing urine, or leaking you cannot control?",
                  help: "Including not feeling when your bladder is full.", tell: "new trouble passing or holding urine"),
            .sign(.bowelDysfunction, "Since the back pain began, any new loss of bowel control?", help: "Accidents or not feeling the need to go.",
                  tell: "new loss of bowel control"),
            .sign(.sexualDysfunctionNew, "Since the back pain began, any new problem with sexual function?", help: "Such as loss of sensation.",
                  tell: "a new problem with sexual function"),
            .sign(.gaitDisturbance, "Are you having trouble walking, or do your legs give way?", help: "More than the pain slowing you down.",
                  tell: "trouble walking or my legs giving way"),
            .sign(.legNumbness, "Is part of a leg or foot numb?", help: "Reduced or no feeling.", tell: "numbness in my leg"),
            .sign(.legTingling, "Do you have tingling or pins and needles in a leg or foot?", help: "Coming and going counts.", tell: "tingling in my leg"),
            .sign(.legWeakness, "Is a leg or foot weak?", help: "For example, trouble standing on your toes or heels.", tell: "weakness in my leg"),
            .sign(.legWeaknessProgressive, "Is that weakness getting worse, for example a foot starting to drag?", help: "Answer no if your legs are not weak.",
                  tell: "leg weakness that is getting worse"),
        ])

    static let general = IntakeStep(
        id: "general", title: "General health signs",
        intro: "These help us tell ordinary back pain from something a doctor should check first.",
        questions: [
            .sign(.fever, "Do you have a fever (over 38 °C) or chills?", help: "Now, or on and off with this back pain.", tell: "a fever or chills"),
            .sign(.unexplainedWeightLoss, "Have you lost weight without trying?", help: "Several kilograms over the last few months.",
                  tell: "weight loss I can't explain"),
            .sign(.nightPainUnrelieved, "Is there pain at night that no position eases?", help: "Not just stiffness when you turn over.",
                  tell: "pain at night that no position eases"),
            .sign(.recentBacterialInfection, "Have you had a bacterial infection in the last few weeks?", help: "For example a urine or skin infection treated with antibiotics.",
                  tell: "a recent bacterial infection"),
            .sign(.ivDrugUse, "Have you injected drugs recently?", help: "Your answer is private to your care team and helps rule out infection.",
                  tell: "recent injected drug use"),
            .sign(.majorTrauma, "Did this start with a serious accident, such as a car crash or a fall from a height?", help: "A big force on your body.",
                  tell: "a serious accident before the pain began"),
            .sign(.minorTrauma, "Did it start with a small fall, bump or knock?", help: "For example slipping on a stair.", tell: "a small fall before the pain began"),
            .sign(.pulsatingAbdominalMass, "Can you feel a lump in your belly that pulses or throbs?", help: "Like a heartbeat under your hand.",
                  tell: "a throbbing lump in my belly"),
            .sign(.tearingPain, "Have you had sudden tearing pain in your back or belly, with sweating or feeling faint?",
                  help: "Pain that comes on at once and feels like ripping.", tell: "sudden tearing pain with sweating or faintness"),
            .sign(.dvtSuspected, "Is one leg swollen, warm, red or sore in the calf or thigh?", help: "Especially one leg more than the other.",
                  tell: "one leg swollen, warm or sore"),
            .sign(.contagiousIllness, "Do you have a cold, flu or other illness you could pass on?", help: "Right now.", tell: "a contagious illness"),
        ])

    static let pattern = IntakeStep(
        id: "pattern", title: "How your back behaves",
        intro: "The pattern of stiffness and pain, and the skin where you would be treated.",
        questions: [
            .sign(.morningStiffness, "Is your back stiff for more than half an hour after you get up?", help: "Most mornings.",
                  tell: "morning stiffness over half an hour"),
            .sign(.improvesWithMovement, "Does it feel better when you move about, and not better when you rest?", help: "Think of a typical day.",
                  tell: "pain that eases with movement, not rest"),
            .sign(.wakesSecondHalfOfNight, "Does back pain wake you in the second half of the night?", help: "In the early morning hours.",
                  tell: "pain waking me in the early morning"),
            .sign(.buttockPain, "Do you have pain deep in one or both buttocks?", help: "It may switch sides.", tell: "buttock pain"),
            .sign(.nsaidRelief48h, "Do anti-inflammatory pills such as ibuprofen ease it a lot within two days?", help: "Answer no if you have not tried them.",
                  tell: "a big improvement with anti-inflammatories"),
            .sign(.acuteInflammation, "Is the sore area hot, red or swollen?", help: "Feel it with the back of your hand.", tell: "a hot, red or swollen sore area"),
            .sign(.skinLesionLowBack, "Is there a cut, rash, burn or skin infection on your lower back?", help: "Anything that makes the skin sore to touch.",
                  tell: "broken or irritated skin on my lower back"),
            .sign(.varicoseVeinsLowBack, "Are there varicose or swollen, sore veins where you would be treated?", help: "Lower back, buttocks or the backs of the legs.",
                  tell: "varicose or sore veins"),
            .sign(.undiagnosedLump, "Is there a lump in that area a doctor has not checked?", help: "Any new lump or swelling.", tell: "a lump no doctor has checked"),
        ])

    /// A PSFS activity is a label on the progress charts: short enough to read there.
    static let activityLimit = FieldLimit(120)

    static func activities(psfs: QuestionnaireDefinition) -> IntakeStep {
        var questions: [IntakeQuestion] = []
        for number in 1...5 {
            questions.append(IntakeQuestion("psfs.activity.\(number)", "Activity \(number)", help: number == 1 ? "For example: lifting my toddler." : "Optional.",
                                            kind: .text(Self.activityLimit), required: false))
            questions.append(IntakeQuestion("psfs.rating.\(number)", "How well can you do activity \(number) today?", help: psfs.items[0].text,
                                            kind: .scale(0...10, low: "Not at all", high: "As well as before"), required: false))
        }
        return IntakeStep(id: "activities", title: psfs.title, intro: psfs.instructions, kind: .activities, questions: questions)
    }

    public static func questionnaire(_ definition: QuestionnaireDefinition) -> IntakeStep {
        let questions = definition.items.map { item in
            IntakeQuestion("q.\(definition.instrument.rawValue).\(item.id)", item.text, help: definition.demo ? "Demo wording." : "",
                           kind: .choice(item.options.map { Option($0.value, $0.label) }))
        }
        let intro = [definition.instructions, definition.notice].filter { !$0.isEmpty }.joined(separator: " ")
        return IntakeStep(id: definition.instrument.rawValue, title: definition.title, intro: intro, kind: .questionnaire(definition.instrument), questions: questions)
    }
}
