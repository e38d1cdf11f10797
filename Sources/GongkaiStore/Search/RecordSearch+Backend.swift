extension GongkaiDatabase {
    /// The search implementation for this database's backend.
    public func recordSearch() -> any RecordSearch {
        switch backend {
        case .sqlite: SQLiteRecordSearch(self)
        case .postgresql: PostgresRecordSearch(self)
        }
    }
}
