import LumbarCore
import PropertyBased
import Testing

/// Phone numbers: North American in any usual spelling, or E.164 with a leading +; nothing else.
@Suite struct PhoneNumberTests {
    /// A valid North American number's ten digits: area code and exchange start with 2-9.
    static let northAmerican = Gen.int(in: 0...9).array(of: 10).map { digits -> [Int] in
        var digits = digits
        digits[0] = 2 + digits[0] % 8
        digits[3] = 2 + digits[3] % 8
        return digits
    }
    /// How people write one: 4165550100, 416-555-0100, (416) 555-0100, 416.555.0100, 1 416 555 0100, +1 416-555-0100.
    static let style = Gen.int(in: 0...5)

    static func written(_ digits: [Int], style: Int) -> String {
        let text = digits.map(String.init)
        let area = text[0..<3].joined(), exchange = text[3..<6].joined(), line = text[6...].joined()
        switch style {
        case 0: return area + exchange + line
        case 1: return "\(area)-\(exchange)-\(line)"
        case 2: return "(\(area)) \(exchange)-\(line)"
        case 3: return "\(area).\(exchange).\(line)"
        case 4: return "1 \(area) \(exchange) \(line)"
        default: return "  +1 \(area)-\(exchange)-\(line) "
        }
    }

    @Test func everyUsualSpellingOfANorthAmericanNumberIsTheSameNumber() async {
        await propertyCheck(count: 400, input: Self.northAmerican, Self.style) { digits, style in
            let number = PhoneNumber(Self.written(digits, style: style))
            #expect(number?.e164 == "+1" + digits.map(String.init).joined(), "\(Self.written(digits, style: style))")
            #expect(number?.description == Self.written(digits, style: 1))
        }
    }

    @Test func normalisingTwiceChangesNothing() async {
        let international = Gen.int(in: 0...9).array(of: 7...15).map { digits in "+" + String(1 + digits[0] % 8 + 1) + digits.dropFirst().map(String.init).joined() }
        await propertyCheck(count: 300, input: international) { text in
            let number = PhoneNumber(text)
            #expect(number != nil, "\(text)")
            #expect(number.flatMap { PhoneNumber($0.description) } == number)
            #expect(number?.e164 == text)
        }
    }

    /// Any letter, or any other mark than the separators, makes it not a number.
    @Test func textWithALetterIsNeverANumber() async {
        let letter = Gen.int(in: 0...5).map { ["a", "x", "é", "ext", "#", "*"][$0] }
        await propertyCheck(count: 300, input: Self.northAmerican, Self.style, letter, Gen.int(in: 0...12)) { digits, style, letter, at in
            var text = Array(Self.written(digits, style: style))
            text.insert(contentsOf: letter, at: min(at, text.count))
            #expect(PhoneNumber(String(text)) == nil, "\(String(text))")
        }
    }

    @Test func wrongLengthsAndPlansAreRefused() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...9).array(of: 0...20)) { digits in
            let text = digits.map(String.init).joined()
            let tenOrElevenWithOne = digits.count == 10 || (digits.count == 11 && digits[0] == 1)
            if !tenOrElevenWithOne { #expect(PhoneNumber(text) == nil, "\(text)") }
        }
        for refused in ["hello", "", "   ", "555-0100", "016-555-0100", "416-155-0100", "+0 20 7946 0958", "+1 016 555 0100", "+12345",
                        "+4420794609581234", "416--555--0100)", "((416) 555-0100", "416 555 0100 +", "+1 (416) (555) 0100"] {
            #expect(PhoneNumber(refused) == nil, "\(refused)")
        }
        #expect(PhoneNumber("+44 20 7946 0958")?.description == "+442079460958")
        #expect(PhoneNumber("+1 (416) 555-0100")?.description == "416-555-0100")
    }

    @Test func formsNameTheFieldAndOptionalFieldsMayBeEmpty() {
        #expect(PhoneNumber.problem("phone", "hello") == FieldProblem("phone", PhoneNumber.message))
        #expect(PhoneNumber.problem("phone", "") == nil && PhoneNumber.problem("phone", "416 555 0100") == nil)
        #expect(PhoneNumber.normalised(" (416) 555 0100 ") == "416-555-0100" && PhoneNumber.normalised("hello") == "hello")
    }

    @Test func aClientsPhoneAndEmergencyContactAreChecked() {
        let today = LocalDate(year: 2026, month: 11, day: 24)!
        let client = Client(id: "", firstName: "Ada", lastName: "Alpha", phone: "hello",
                            emergencyContact: EmergencyContact(name: "Sam", phone: "call me").stored)
        #expect(client.problems(today: today).map(\.field) == ["phone", "emergencyPhone"])
        let good = EmergencyContact(name: " Sam Alpha ", phone: "(416) 555-0199")
        #expect(good.stored == "Sam Alpha · 416-555-0199" && EmergencyContact(stored: good.stored) == good)
        #expect(EmergencyContact(stored: "Sam Alpha, 416 555 0199").name == "Sam Alpha, 416 555 0199", "a line typed before the two were asked apart")
        #expect(EmergencyContact(name: "", phone: "").stored == "")
    }
}
