/// How a program starts from the engine's suggestions: which variant suits the client now, and its dose.
/// Easier variants first in acute or severe pain (clinical reference §5); harder ones are progressions a
/// therapist chooses, flagged while the episode is acute.
public enum HomeProgramRules {
    /// The variant to start with for `code`, given the phase and today's pain.
    public static func startingVariant(_ code: SelfCareCode, phase: Phase, painNow: Int) -> Exercise? {
        let variants = ExerciseLibrary.variants(of: code)
        let wanted: Exercise.Level = phase == .acute || painNow >= 7 ? .easier : .standard
        return variants.first { $0.level == wanted && $0.phases.contains(phase) }
            ?? variants.first { $0.level == .standard }
            ?? variants.first
    }

    /// The program the therapist starts from: every self-care item the engine suggested, in its order, at a
    /// starting variant and its default dose.
    public static func suggestions(_ assessment: Assessment, painNow: Int) -> [HomeProgram.Item] {
        assessment.selfCare.compactMap { suggestion in
            startingVariant(suggestion.code, phase: assessment.phase, painNow: painNow).map { HomeProgram.Item(exerciseId: $0.id, dose: $0.dose) }
        }
    }

    /// A caution to show beside an item the therapist chose, if it does not fit the client's phase.
    public static func caution(_ exercise: Exercise, phase: Phase) -> String? {
        if exercise.level == .harder && phase == .acute { return "A harder variant in the acute phase: check the client is ready." }
        if !exercise.phases.contains(phase) { return "Usually not used in the \(phase.rawValue) phase." }
        return nil
    }

    /// The next step up from `exercise`, when the client finds it easy.
    public static func progression(_ exercise: Exercise) -> Exercise? {
        ExerciseLibrary.variants(of: exercise.code).first { $0.level > exercise.level }
    }
}
