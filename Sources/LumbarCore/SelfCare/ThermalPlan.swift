/// The clinic's 48-hour rule as real times: cold packs until 48 hours after the injury, heat after that,
/// said in the clinic's time zone ("cold packs until Wednesday 26 November 2026 at 18:00, then heat").
public struct ThermalPlan: Sendable, Equatable {
    public let coldUntil: Instant
    public let coldNow: Bool
    public let advice: String

    public init(injuredAt: Instant, now: Instant, zone: any ZoneRules) {
        coldUntil = injuredAt.adding(seconds: 48 * 3600)
        coldNow = now < coldUntil
        let local = zone.local(coldUntil)
        let when = "\(local.date.spoken) at \(local.time)"
        advice = coldNow
            ? "Cold packs until \(when), then heat."
            : "Heat: the first 48 hours ended on \(when)."
    }
}
