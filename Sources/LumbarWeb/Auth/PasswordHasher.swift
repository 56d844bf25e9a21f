import HummingbirdBcrypt
import NIOPosix

/// bcrypt on the thread pool, never on an event loop: a hash takes about a quarter of a second at cost 12.
public struct PasswordHasher: Sendable {
    public let cost: Int

    public init(cost: Int) {
        precondition(cost >= 4 && cost <= 31)
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

}
