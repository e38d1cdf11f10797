// GongkaiCore owns the disclosure domain: the catalog tree and its items,
// the working-day calendar, deadline rules and compliance checks.
// It is plain Swift on Foundation with no I/O, so every rule is testable in isolation.
