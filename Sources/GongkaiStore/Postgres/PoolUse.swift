/// The pool's leased connections and the requests waiting for one, for /metrics (PostgresClient does not tell).
actor PoolUse {
    private(set) var current = ConnectionUse()

    func waitBegan() { current.waiting += 1 }
    func gaveUp() { current.waiting -= 1 }

    func leased() {
        current.waiting -= 1
        current.inUse += 1
    }

    func released() { current.inUse -= 1 }
}
