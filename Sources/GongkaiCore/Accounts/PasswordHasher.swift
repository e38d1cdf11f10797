/// How staff passwords are stored: a one-way, salted, slow hash. The store keeps only what `hash` returns.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) -> String
    func verify(_ password: String, hash: String) -> Bool
}
