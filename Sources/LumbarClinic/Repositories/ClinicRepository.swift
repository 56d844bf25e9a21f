import LumbarCore

/// The single clinic row and its first-visit setup.
public protocol ClinicRepository: Sendable {
    func profile() async throws -> ClinicProfile?

    /// Creates the clinic and its owner together; fails with `.conflict` once setup has happened.
    func setUp(_ profile: ClinicProfile, owner: AccountDraft, passwordHash: String, totpSecret: String, at now: Instant) async throws -> Account

    func update(sharedCare: Bool, acuteWeeks: Int, rulesOff: Set<String>) async throws

    /// The clinic's name, address, zone and HST number, as the owner corrects them after set-up.
    func updateDetails(name: String, address: String, timeZone: String, hstNumber: String?) async throws

    /// The optional questionnaires asked at intake (STarT Back, RMDQ, ODI), as the owner set them.
    func intakeScreens() async throws -> [Instrument]

    func setIntakeScreens(_ screens: [Instrument]) async throws
}
