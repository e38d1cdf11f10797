/// Lets one task at a time through, in arrival order. SQLite transactions share the one connection, so two
/// concurrent ones would otherwise interleave their statements (and the second BEGIN would fail).
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
