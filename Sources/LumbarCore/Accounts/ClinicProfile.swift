/// The clinic as set up on the first visit, and the settings the owner can change later.
public struct ClinicProfile: Sendable, Equatable {
    public var name: String
    public var address: String
    public var timeZone: String
    public var hstNumber: String?
    /// Every therapist may see every client when on.
    public var sharedCare: Bool
    /// The acute/subacute boundary in weeks (4 or 6) used by the engine.
    public var acuteWeeks: Int
    /// Unconfirmed rules the owner switched off (`RuleBook.switchable`); every one is on until switched off.
    public var rulesOff: Set<String>

    public init(name: String, address: String, timeZone: String, hstNumber: String? = nil, sharedCare: Bool = false,
                acuteWeeks: Int = 4, rulesOff: Set<String> = []) {
        self.name = name.trimmed
        self.address = address.trimmed
        self.timeZone = timeZone.trimmed
        let hst = hstNumber?.trimmed ?? ""
        self.hstNumber = hst.isEmpty ? nil : hst
        self.sharedCare = sharedCare
        self.acuteWeeks = acuteWeeks
        self.rulesOff = rulesOff
    }

    /// What the engine honours for this clinic, wherever it runs (intake, visits, the API, home programs).
    public var engineSettings: EngineSettings {
        EngineSettings(acuteWeeks: acuteWeeks == 6 ? 6 : 4, rulesOff: rulesOff)
    }

    /// `isTimeZone` checks an IANA name (the caller has the zone database; Core does not).
    public func problems(isTimeZone: (String) -> Bool) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.isEmpty { problems.append(.init("clinicName", "Enter the clinic's name.")) }
        if address.isEmpty { problems.append(.init("address", "Enter the clinic's street address.")) }
        problems += FieldLimit.problems([("clinicName", name, .name), ("address", address, .short), ("timeZone", timeZone, .name),
                                         ("hstNumber", hstNumber ?? "", .code)])
        if !timeZone.contains("/") || !isTimeZone(timeZone) {
            problems.append(.init("timeZone", "Choose a time zone such as America/Toronto."))
        }
        if let hstNumber, FieldLimit.code.allows(hstNumber), !HSTNumber.isValid(hstNumber) {
            problems.append(.init("hstNumber", "An HST number looks like 123456789 RT0001."))
        }
        if acuteWeeks != 4 && acuteWeeks != 6 { problems.append(.init("acuteWeeks", "Choose 4 or 6 weeks.")) }
        return problems
    }
}

/// Canada Revenue Agency business number with its GST/HST program account: 9 digits, RT, 4 digits.
public enum HSTNumber {
    public static func isValid(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let chars = Array(compact)
        guard chars.count == 15 else { return false }
        return chars[0..<9].allSatisfy(\.isNumber) && chars[9] == "R" && chars[10] == "T" && chars[11...].allSatisfy(\.isNumber)
    }
}
