import Foundation

/// One line of the tamper-evident audit trail: who did what to which object, with the state before and after.
/// Each entry's hash covers its own fields and the previous entry's hash, so altering any stored entry
/// breaks the chain from there on.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var id: Int
    public var at: String
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: String
    public var agencyID: Int?
    public var before: String
    public var after: String
    public var previousHash: String
    public var hash: String

    public init(id: Int, at: String, actor: String, action: String, objectType: String, objectID: String, agencyID: Int?,
                before: String, after: String, previousHash: String, hash: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.agencyID = agencyID
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The exact text that is hashed: fields separated by a unit separator that no field contains unescaped.
    public var hashedText: String {
        [String(id), at, actor, action, objectType, objectID, agencyID.map(String.init) ?? "", before, after, previousHash]
            .map { $0.replacingOccurrences(of: "\u{1F}", with: "\u{1F}\u{1F}") }
            .joined(separator: "\u{1F}")
    }
}
