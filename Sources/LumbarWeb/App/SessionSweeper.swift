import Logging
import LumbarClinic
import LumbarCore
import LumbarStorage
import ServiceLifecycle

/// Every few minutes, deletes ended sessions and old sign-in attempts. Safe on several instances at once.
struct SessionSweeper: Service {
    let services: AppServices
    let interval: Duration

    func run() async throws {
        // Cancelled as soon as shutdown begins, so a pending sleep never delays it.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep()
                try await Task.sleep(for: interval)
            }
        }
    }

    func sweep() async {
        let config = services.configuration
        let now = services.now
        do {
            try await services.sessions.deleteExpired(
                idleBefore: now.adding(seconds: -Int64(config.sessionIdleMinutes * 60)),
                startedBefore: now.adding(seconds: -Int64(config.sessionAbsoluteHours * 3600)))
            try await services.loginAttempts.prune(before: now.adding(seconds: -86_400))
        } catch {
            Logger(label: "lumbar.sweeper").warning("session sweep failed: \(String(describing: type(of: error)))")
        }
    }
}
