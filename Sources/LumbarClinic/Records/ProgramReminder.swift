import LumbarCore

/// A client's daily reminder for their home program.
public struct ProgramReminder: Sendable, Equatable {
    public var clientId: String
    public var minuteOfDay: Int
    public var enabled: Bool
    public var lastSentOn: LocalDate?

    public init(clientId: String, minuteOfDay: Int, enabled: Bool, lastSentOn: LocalDate?) {
        self.clientId = clientId
        self.minuteOfDay = minuteOfDay
        self.enabled = enabled
        self.lastSentOn = lastSentOn
    }
}
