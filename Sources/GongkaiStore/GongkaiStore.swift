// GongkaiStore keeps catalogs, records and the audit trail in SQL through SQLKit.
// SQLite (WAL, one file) is the embedded default; the schema and queries avoid
// dialect-specific SQL so the PostgreSQL driver can serve larger installations.
