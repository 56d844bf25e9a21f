import LumbarCore

/// Ordinary answers to every intake step, for tests: a month of gradual low back pain with tingling in one leg.
public enum SampleIntake {
    public static func answers(_ changes: [String: [String]] = [:]) -> [String: [String]] {
        var answers: [String: [String]] = [
            "firstName": ["Ada"], "lastName": ["Alpha"], "dateOfBirth": ["1980-12-01"], "phone": ["416-555-0101"],
            "emergencyName": ["Sam Alpha"], "emergencyPhone": ["416-555-0199"], "conditions": ["osteoporosis"], "allergies": ["Almond oil"],
            "pregnant": ["no"], "onset": ["gradual"], "painStartedOn": ["2026-10-20"], "painNow": ["5"], "legPain": ["above-knee"], "legSides": ["one"],
            "factors": ["prolonged-sitting", "weak-core"], "medicallyAssessed": ["no"],
            "psfs.activity.1": ["Lifting my toddler"], "psfs.rating.1": ["3"],
        ]
        for question in IntakeForm().steps.flatMap(\.questions) where question.finding != nil { answers[question.id] = ["no"] }
        answers["sign.leg-tingling"] = ["yes"]
        return answers.merging(changes) { _, new in new }
    }
}
