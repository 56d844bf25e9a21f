import LumbarCore
import PropertyBased
import Testing

/// The one limit every form and the API check: counted as a browser counts `maxlength`, never refusing what it allowed.
@Suite struct FieldLimitTests {
    /// Text mixing ASCII, accents, emoji (two UTF-16 units each) and both kinds of line break.
    static let text = Gen.int(in: 0...9).map { ["a", "Z", " ", "é", "🙂", "\r\n", "\n", "语", "'", "7"][$0] }
        .array(of: 0...80).map { $0.joined() }
    static let limit = Gen.int(in: 1...120)

    /// What a browser's `maxlength` counts: UTF-16 units, a line break (sent as CR LF) as one.
    static func browserLength(_ text: String) -> Int {
        text.replacingCRLF.utf16.count
    }

    @Test func allowsExactlyWhatABrowserAllows() async {
        await propertyCheck(count: 500, input: Self.text, Self.limit) { text, characters in
            let limit = FieldLimit(characters)
            #expect(limit.allows(text) == (Self.browserLength(text) <= characters), "\(text.debugDescription) against \(characters)")
            #expect((limit.problem("field", text) == nil) == limit.allows(text))
        }
    }

    @Test func aLineBreakCountsOnceHoweverItIsSent() async {
        await propertyCheck(count: 200, input: Self.text) { text in
            #expect(FieldLimit.length(text) == FieldLimit.length(text.replacingCRLF))
        }
    }

    @Test func theProblemIsNamedByItsFieldInPlainWords() {
        let problem = FieldLimit.name.problem("name", String(repeating: "x", count: 5_000))
        #expect(problem == FieldProblem("name", "Keep this to 100 characters or fewer."))
        #expect(FieldLimit.long.message == "Keep this to 10,000 characters or fewer.")
        #expect(FieldLimit(1_000_000).description == "1,000,000" && FieldLimit(999).description == "999")
        #expect(FieldLimit.name.problem("name", String(repeating: "x", count: 100)) == nil)
        #expect(FieldLimit.problems([("a", "ok", .name), ("b", String(repeating: "é", count: 101), .name)]).map(\.field) == ["b"])
    }

    /// The limits the issue asks for, and the clinical one this project chose.
    @Test func limitsAreTheOnesPromised() {
        #expect([FieldLimit.name, .email, .short, .long, .clinical].map(\.characters) == [100, 254, 200, 10_000, 20_000])
    }

    @Test func aFiveThousandCharacterStaffNameOrClinicNameIsRefused() {
        let long = String(repeating: "A", count: 5_000)
        let staff = AccountDraft(email: "x@example.com", name: long, role: .frontDesk, password: "correct horse battery").problems()
        #expect(staff.map(\.field) == ["name"])
        let clinic = ClinicProfile(name: long, address: "1 Main St", timeZone: "America/Toronto").problems(isTimeZone: { _ in true })
        #expect(clinic.map(\.field) == ["clinicName"])
    }
}

extension String {
    var replacingCRLF: String {
        var out = ""
        var afterCR = false
        for scalar in unicodeScalars {
            if afterCR && scalar == "\n" { afterCR = false; continue }
            out.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
            afterCR = scalar == "\r"
        }
        return out
    }
}
