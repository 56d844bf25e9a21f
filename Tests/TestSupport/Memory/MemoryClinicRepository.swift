import LumbarClinic
import LumbarCore
import Synchronization

/// The clinic's profile and settings in memory. Setting up (which creates the owner's account) is the SQL store's.
public final class MemoryClinicRepository: ClinicRepository {
    private struct State {
        var profile: ClinicProfile?
        var screens: [Instrument] = []
    }

    private let state = Mutex(State())

    public init(profile: ClinicProfile? = nil) { state.withLock { $0.profile = profile } }

    public func profile() async throws -> ClinicProfile? { state.withLock { $0.profile } }

    /// Sets the profile directly, as a test's starting point.
    public func set(_ profile: ClinicProfile) { state.withLock { $0.profile = profile } }

    public func setUp(_ profile: ClinicProfile, owner: AccountDraft, passwordHash: String, totpSecret: String, at now: Instant) async throws -> Account {
        throw MemoryStore.Unsupported(what: "ClinicRepository.setUp (first-run set-up)")
    }

    public func updateDetails(name: String, address: String, timeZone: String, hstNumber: String?) async throws {
        state.withLock { state in
            state.profile?.name = name
            state.profile?.address = address
            state.profile?.timeZone = timeZone
            state.profile?.hstNumber = hstNumber
        }
    }

    public func update(sharedCare: Bool, acuteWeeks: Int, rulesOff: Set<String>) async throws {
        state.withLock { state in
            state.profile?.sharedCare = sharedCare
            state.profile?.acuteWeeks = acuteWeeks
            state.profile?.rulesOff = rulesOff
        }
    }

    public func intakeScreens() async throws -> [Instrument] { state.withLock { $0.screens } }
    public func setIntakeScreens(_ screens: [Instrument]) async throws { state.withLock { $0.screens = screens } }
}
