import GongkaiCore
import GongkaiStore

extension PublicController.PublicRecordView {
    /// A withdrawn record: what identified it, and why it was withdrawn.
    init(withdrawn record: Record) {
        self.init(title: record.content.title, indexNumber: record.indexNumber ?? "", issuer: record.content.issuer,
                  writtenDate: "", documentNumber: record.content.documentNumber, publishedDate: record.publishedDate?.description ?? "",
                  topic: "", validity: "", bodyHTML: "", withdrawn: true, withdrawalReason: record.statusReason ?? "",
                  policies: [], interpretations: [], attachments: [], meta: nil, trail: nil)
    }

    /// The public version of record `id`; nil when it has none.
    static func load(recordID id: Int, site: PageSite, records: RecordRepository, directory: AgencyDirectory,
                     attachments: AttachmentStore) async throws -> Self? {
        guard let published = try await records.publicVersion(id: id, now: site.now) else { return nil }
        let content = published.content
        let links = try await records.links(id: id)
        func linked(_ ids: [Int]) async throws -> [PublicController.LinkView] {
            var result: [PublicController.LinkView] = []
            for other in ids {
                if let version = try await records.publicVersion(id: other, now: site.now) {
                    result.append(PublicController.LinkView(title: version.content.title, url: SiteURL.record(other).path))
                }
            }
            return result
        }
        return Self(title: content.title, indexNumber: published.record.indexNumber ?? "", issuer: content.issuer,
                    writtenDate: content.writtenDate?.description ?? "", documentNumber: content.documentNumber,
                    publishedDate: published.record.publishedDate?.description ?? "", topic: content.topic,
                    validity: content.validity?.label ?? "", bodyHTML: HTML.renderBody(content.body), withdrawn: false,
                    withdrawalReason: "", policies: try await linked(links.policies), interpretations: try await linked(links.interpretations),
                    attachments: try await attachments.attachments(recordID: id).map { AttachmentLink($0, url: SiteURL.publicFile(.value($0.sha256)).path) },
                    meta: MetaTags(siteName: site.name, siteDomain: site.domain,
                                   columnName: try await records.itemContext(nodeID: published.record.itemNodeIDs[0])?.path.last ?? "",
                                   articleTitle: content.title, pubDate: published.record.publishedDate?.description,
                                   source: content.issuer, keywords: [content.topic, content.documentNumber].filter { !$0.isEmpty }.joined(separator: ","),
                                   description: String(content.body.replacingOccurrences(of: "\n", with: " ").prefix(120)),
                                   url: site.origin + SiteURL.record(id).path),
                    trail: try await trail(agencyID: published.record.agencyID, itemNodeID: published.record.itemNodeIDs[0],
                                           records: records, directory: directory))
    }

    /// 首页 › agency › the record's (first) item.
    private static func trail(agencyID: Int, itemNodeID: Int, records: RecordRepository, directory: AgencyDirectory) async throws -> [Crumb] {
        var trail = [Crumb.home]
        if let agency = try await directory.agency(id: agencyID) { trail.append(Crumb(name: agency.name, url: SiteURL.agency(agencyID).path)) }
        if let item = try await records.itemContext(nodeID: itemNodeID), let name = item.path.last {
            trail.append(Crumb(name: name, url: SiteURL.item(itemNodeID).path))
        }
        return trail
    }
}
