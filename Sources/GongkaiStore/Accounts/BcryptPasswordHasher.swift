import GongkaiCore
import HummingbirdBcrypt

/// bcrypt (OWASP's choice for new systems where Argon2id is unavailable); the only user of HummingbirdBcrypt.
public struct BcryptPasswordHasher: PasswordHasher {
    /// Work factor; tests lower it to keep the suite fast.
    public let cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}
