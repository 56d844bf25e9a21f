import LumbarCore
import Testing

/// Each intake step names what is wrong beside the question, in plain words.
@Suite struct IntakeFormTests {
    let form = IntakeForm()
    let today = LocalDate(year: 2026, month: 11, day: 24)!

    func problems(_ step: String, _ answers: [String: [String]]) -> [String: String] {
        Dictionary(form.problems(form.step(step)!, IntakeAnswers(answers), today: today).map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func everyQuestionHasAPlainHelpLineAndStepsAreShort() {
        for step in form.steps {
            #expect(step.questions.count <= 12, "\(step.id) is too long for one phone screen")
            for question in step.questions { #expect(!question.help.isEmpty, "\(question.id) has no help line") }
        }
    }

    @Test func missingAndMalformedAnswersAreNamed() {
        let about = problems("about", ["firstName": ["Ada"], "dateOfBirth": ["1990-02-30"], "phone": ["12"]])
        #expect(about["lastName"] == "Please answer this question.")
        #expect(about["dateOfBirth"]?.contains("year-month-day") == true)
        #expect(about["phone"]?.contains("area code") == true)
        #expect(about["firstName"] == nil)
        let pain = problems("pain", ["painNow": ["11"], "painStartedOn": ["2027-01-01"], "legPain": ["below-knee"], "legSides": ["none"]])
        #expect(pain["painNow"] == "Choose one of the answers.")
        #expect(pain["painStartedOn"]?.contains("future") == true)
        #expect(pain["legSides"]?.contains("one leg or both") == true)
        #expect(pain["onset"] == "Please choose an answer.")
    }

    @Test func pregnancyWeeksAreAskedOnlyWhenPregnant() {
        #expect(problems("history", ["pregnant": ["no"]]).isEmpty)
        #expect(problems("history", ["pregnant": ["yes"]])["pregnancyWeeks"] != nil)
        #expect(problems("history", ["pregnant": ["yes"], "pregnancyWeeks": ["50"]])["pregnancyWeeks"]?.contains("1 to 42") == true)
    }

    @Test func activitiesNeedARatingAndAtLeastOne() {
        #expect(problems("activities", [:])["psfs.activity.1"] != nil)
        #expect(problems("activities", ["psfs.activity.2": ["Gardening"]])["psfs.rating.2"] != nil)
        #expect(problems("activities", ["psfs.rating.3": ["4"], "psfs.activity.1": ["Lifting"], "psfs.rating.1": ["2"]])["psfs.activity.3"] != nil)
        #expect(problems("activities", ["psfs.activity.1": ["Lifting"], "psfs.rating.1": ["2"]]).isEmpty)
    }

    @Test func screensAppearOnlyWhenTheClinicTurnsThemOn() {
        #expect(!form.steps.contains { $0.kind == .questionnaire(.startBack) })
        let screened = IntakeForm(screens: [.startBack, .odi])
        #expect(screened.steps.suffix(2).map(\.kind) == [.questionnaire(.startBack), .questionnaire(.odi)])
    }

    @Test func triageAdviceBlocksBookingUntilCleared() {
        let emergency = TriageAdvice(urgency: .emergency, tell: ["numbness"], cleared: false)
        #expect(emergency.bookingBlocked && emergency.lead.contains("911"))
        #expect(!TriageAdvice(urgency: .urgent, tell: [], cleared: true).bookingBlocked)
        #expect(TriageAdvice(urgency: .urgent, tell: [], cleared: false).bookingBlocked)
        #expect(!TriageAdvice(urgency: .routine, tell: [], cleared: false).bookingBlocked)
    }
}
