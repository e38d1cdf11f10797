import GongkaiCore
import SQLKit

/// Reads what the compliance monitor checks (items of each agency's adopted catalog versions with the days each
/// version is in force, records with their compliance facts and 解读 links) in a few flat queries, so a sweep
/// over a million records stays fast.
public struct ComplianceRepository: Sendable {
    public let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// Items of every adopted version of each agency's catalog (or of one agency's), each with the days its version
    /// is in force: obligations before a revision's effective date follow the old items, later ones the new.
    public func items(agencyID: Int? = nil) async throws -> [ComplianceItem] {
        let db = database.sql
        let scope: SQLQueryString = agencyID.map { "AND c.agency_id = \(bind: $0)" } ?? ""
        let current: SQLQueryString = "c.status = 'adopted'"
        let windows = try await versionWindows(scope: scope)
        var names: [Int: (name: String, parent: Int?)] = [:]
        for row in try await db.raw("""
            SELECT n.id, n.name, n.parent_id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id WHERE \(current) \(scope)
            """).all() {
            names[try row.decode(column: "id", as: Int.self)] = (try row.decode(column: "name", as: String.self),
                                                                   try row.decode(column: "parent_id", as: Int?.self))
        }
        func path(_ id: Int) -> [String] {
            var result: [String] = []
            var current: Int? = id
            while let node = current, let entry = names[node] { result.insert(entry.name, at: 0); current = entry.parent }
            return result
        }
        let rows = try await db.raw("""
            SELECT n.id, n.name, c.id AS catalog_id, c.agency_id, i.responsible_units, i.deadline_rule, i.update_frequency, e.reason, t.pattern
            FROM catalog_items i JOIN catalog_nodes n ON n.id = i.node_id JOIN catalogs c ON c.id = n.catalog_id
            LEFT JOIN item_empty_reasons e ON e.node_id = n.id LEFT JOIN item_title_patterns t ON t.node_id = n.id
            WHERE \(current) \(scope) ORDER BY c.agency_id, n.id
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let rule = try row.decode(column: "deadline_rule", as: String.self)
            var item = ComplianceItem(id: id, agencyID: try row.decode(column: "agency_id", as: Int.self),
                                  name: try row.decode(column: "name", as: String.self), path: path(id),
                                  responsibleUnits: try JSONText.decode([String].self, try row.decode(column: "responsible_units", as: String.self)),
                                  rule: rule.isEmpty ? nil : try JSONText.decode(DeadlineRule.self, rule),
                                  updateFrequency: try row.decode(column: "update_frequency", as: String.self),
                                  emptyNote: try row.decode(column: "reason", as: String?.self),
                                  titlePattern: try row.decode(column: "pattern", as: String?.self).map { TitlePattern($0) })
            if let window = windows[try row.decode(column: "catalog_id", as: Int.self)] {
                (item.activeFrom, item.activeUntil) = (window.from, window.until)
            }
            return item
        }
    }

    /// Adopted version → the days it is in force: from its effective date to the next version's.
    private func versionWindows(scope: SQLQueryString) async throws -> [Int: (from: CivilDate?, until: CivilDate?)] {
        var versions: [Int: [(number: Int, id: Int, from: CivilDate?)]] = [:]
        for row in try await database.sql.raw("""
            SELECT c.id, c.agency_id, c.version_number, c.effective_from FROM catalogs c WHERE c.status = 'adopted' \(scope)
            """).all() {
            versions[try row.decode(column: "agency_id", as: Int.self), default: []].append(
                (try row.decode(column: "version_number", as: Int?.self) ?? 1, try row.decode(column: "id", as: Int.self),
                 try row.decode(column: "effective_from", as: String?.self).flatMap(CivilDate.init)))
        }
        var windows: [Int: (from: CivilDate?, until: CivilDate?)] = [:]
        for list in versions.values {
            let ordered = list.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
            for (index, version) in ordered.enumerated() {
                windows[version.id] = (version.from, index + 1 < ordered.count ? ordered[index + 1].from : nil)
            }
        }
        return windows
    }

    /// Every record that is or was on its way to publication (drafts without a trigger date say nothing about a
    /// deadline and are left out), with the ids of its items and 解读 links.
    public func records(agencyID: Int? = nil, items: [ComplianceItem]) async throws -> [ComplianceRecord] {
        let db = database.sql
        let scope: SQLQueryString = agencyID.map { "AND r.agency_id = \(bind: $0)" } ?? ""
        var itemIDs: [Int: [Int]] = [:]
        for row in try await db.raw("""
            SELECT ri.record_id, ri.node_id FROM record_items ri JOIN records r ON r.id = ri.record_id WHERE 1 = 1 \(scope)
            ORDER BY ri.record_id, ri.position
            """).all() {
            itemIDs[try row.decode(column: "record_id", as: Int.self), default: []].append(try row.decode(column: "node_id", as: Int.self))
        }
        // A record moved to a revised item still counts for the old item, for the days the old version was in force.
        for row in try await db.raw("""
            SELECT m.record_id, m.from_node_id FROM record_item_moves m JOIN records r ON r.id = m.record_id WHERE 1 = 1 \(scope)
            ORDER BY m.id
            """).all() {
            let record = try row.decode(column: "record_id", as: Int.self), node = try row.decode(column: "from_node_id", as: Int.self)
            if itemIDs[record]?.contains(node) != true { itemIDs[record, default: []].append(node) }
        }
        var interpretations: [Int: [Int]] = [:], interprets: [Int: [Int]] = [:]
        for row in try await db.raw("SELECT policy_id, interpretation_id FROM record_links").all() {
            let policy = try row.decode(column: "policy_id", as: Int.self), reading = try row.decode(column: "interpretation_id", as: Int.self)
            interpretations[policy, default: []].append(reading)
            interprets[reading, default: []].append(policy)
        }
        let policyItems = Set(items.filter { PolicyItems.holdsPolicies($0) }.map(\.id))
        let rows = try await db.raw("""
            SELECT r.id, r.agency_id, r.title, r.status, r.published_date, r.trigger_date, r.written_date, r.reporting_period,
                   r.validity, r.valid_until, r.personal_data
            FROM records r WHERE (r.status <> 'draft' OR r.trigger_date IS NOT NULL) \(scope)
            """).all()
        var result: [ComplianceRecord] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let items = itemIDs[id] ?? []
            let validity = try row.decode(column: "validity", as: String?.self).flatMap(Validity.init)
            let personalData = try row.decode(column: "personal_data", as: String.self)
            result.append(ComplianceRecord(
                id: id, agencyID: try row.decode(column: "agency_id", as: Int.self), itemIDs: items,
                title: try row.decode(column: "title", as: String.self),
                status: RecordStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                publishedDate: try row.decode(column: "published_date", as: String?.self).flatMap(CivilDate.init),
                triggerDate: try row.decode(column: "trigger_date", as: String?.self).flatMap(CivilDate.init),
                writtenDate: try row.decode(column: "written_date", as: String?.self).flatMap(CivilDate.init),
                reportingPeriod: try row.decode(column: "reporting_period", as: String?.self).flatMap(ReportingPeriod.init),
                validity: validity,
                validUntil: try row.decode(column: "valid_until", as: String?.self).flatMap(CivilDate.init),
                isPolicy: validity != nil || items.contains(where: policyItems.contains),
                interpretationIDs: interpretations[id] ?? [], interpretsIDs: interprets[id] ?? [],
                personalData: personalData.isEmpty ? [] : personalData.split(separator: ",").compactMap { PersonalDataKind(rawValue: String($0)) }))
        }
        return result
    }
}
