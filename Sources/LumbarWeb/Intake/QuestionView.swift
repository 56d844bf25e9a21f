import Foundation
import LumbarCore
import Mustache

/// One intake question as the templates draw it: a labelled input, or a fieldset of choices, with its help line
/// and the problem beside it.
struct QuestionView: Sendable {
    struct Choice: Sendable {
        let inputId: String
        let value: String
        let label: String
        let checked: Bool
    }

    let id: String
    let prompt: String
    let help: String
    let error: String?
    let value: String
    let inputType: String
    let isInput: Bool
    let isLongText: Bool
    let isChoices: Bool
    let isScale: Bool
    let multiple: Bool
    let choices: [Choice]
    let low: String
    let high: String
    let optional: Bool
    let maxLength: Int?

    init(_ question: IntakeQuestion, answers: IntakeAnswers, problems: [FieldProblem]) {
        id = question.id
        prompt = question.prompt
        help = question.help
        error = problems.first { $0.field == question.id }?.message
        value = answers[question.id]
        optional = !question.required && question.requiredWhen == nil
        maxLength = question.limit?.characters
        var inputType = "text", isInput = true, isLongText = false, isChoices = false, isScale = false, multiple = false
        var low = "", high = ""
        switch question.kind {
        case .text: break
        case .longText: isInput = false; isLongText = true
        case .email: inputType = "email"
        case .phone: inputType = "tel"
        case .date: inputType = "date"
        case .number: inputType = "number"
        case .scale(_, let lowLabel, let highLabel): isInput = false; isChoices = true; isScale = true; low = lowLabel; high = highLabel
        case .choice, .yesNo: isInput = false; isChoices = true
        case .multiChoice: isInput = false; isChoices = true; multiple = true
        }
        self.inputType = inputType
        self.isInput = isInput
        self.isLongText = isLongText
        self.isChoices = isChoices
        self.isScale = isScale
        self.multiple = multiple
        self.low = low
        self.high = high
        let chosen = Set(answers.all(question.id))
        let fieldId = question.id.replacingOccurrences(of: ".", with: "-")
        choices = question.options.enumerated().map { index, option in
            Choice(inputId: "\(fieldId)-\(index)", value: option.value, label: option.label, checked: chosen.contains(option.value))
        }
    }

    /// The answer as the client would read it back on the review page.
    static func spoken(_ question: IntakeQuestion, _ answers: IntakeAnswers) -> String {
        let values = answers.all(question.id)
        guard !values.isEmpty else { return "not answered" }
        let labels = values.map { value in
            // A date reads as the rest of the app writes dates ("Thursday 1 October 2026"), not as it is stored.
            if case .date = question.kind, let date = LocalDate(iso: value) { return date.spoken }
            return question.options.first { $0.value == value }?.label ?? value
        }
        return labels.joined(separator: "; ")
    }
}

extension QuestionView: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "prompt": prompt
        case "help": help
        case "error": error
        case "value": value
        case "inputType": inputType
        case "isInput": isInput
        case "isLongText": isLongText
        case "isChoices": isChoices
        case "isScale": isScale
        case "multiple": multiple
        case "choices": choices
        case "low": low
        case "high": high
        case "optional": optional
        case "maxLength": maxLength
        default: nil
        }
    }
}

extension QuestionView.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "inputId": inputId
        case "value": value
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}
