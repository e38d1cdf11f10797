/// What staff set on an item in the catalog editor: every field, with the parsed values taken from the choices
/// (channels, audiences, modes, tiers) or parsed from the text (依据, 时限), as the importer would.
public struct ItemEdit: Codable, Sendable, Equatable {
    public var content: String
    public var legalBasisText: String
    public var deadlineText: String
    public var publisher: String
    /// 责任科室, chosen from the agency's departments, in order.
    public var responsibleUnits: [String]
    public var channels: [Channel]
    /// Channels outside the standard set, as written (separated by 、).
    public var otherChannels: String
    public var audiences: [Audience]
    public var modes: [Mode]
    public var tiers: [Tier]
    public var updateFrequency: String
    public var remarks: String

    public init(content: String = "", legalBasisText: String = "", deadlineText: String = "", publisher: String = "",
                responsibleUnits: [String] = [], channels: [Channel] = [], otherChannels: String = "", audiences: [Audience] = [],
                modes: [Mode] = [], tiers: [Tier] = [], updateFrequency: String = "", remarks: String = "") {
        self.content = content
        self.legalBasisText = legalBasisText
        self.deadlineText = deadlineText
        self.publisher = publisher
        self.responsibleUnits = responsibleUnits
        self.channels = channels
        self.otherChannels = otherChannels
        self.audiences = audiences
        self.modes = modes
        self.tiers = tiers
        self.updateFrequency = updateFrequency
        self.remarks = remarks
    }

    /// The item's current values, for the editor's form.
    public init(_ item: CatalogItem) {
        self.init(content: item.content, legalBasisText: item.legalBasisText, deadlineText: item.deadlineText, publisher: item.publisher,
                  responsibleUnits: item.responsibleUnits, channels: item.channels.filter(\.checked).compactMap(\.standard),
                  otherChannels: item.channels.filter { $0.checked && $0.standard == nil }.map(\.name).joined(separator: "、"),
                  audiences: item.audiences, modes: item.modes, tiers: item.tiers, updateFrequency: item.updateFrequency, remarks: item.remarks)
    }

    /// Problems that keep the edit from being saved, in Chinese.
    public var problems: [String] {
        var found: [String] = []
        if content.trimmed.isEmpty { found.append("请填写公开内容") }
        if deadlineText.trimmed.isEmpty { found.append("请填写公开时限（无固定时限的写“常态公开”或“及时公开”）") }
        return found
    }

    /// `item` with these values; what the editor does not show (provenance) is kept. The importer's doubts are
    /// cleared: staff have looked at the item.
    public func applied(to item: CatalogItem) -> CatalogItem {
        var edited = item
        edited.content = content.trimmed
        edited.legalBasisText = legalBasisText.trimmed
        edited.legalBases = LegalBasis.parseAll(edited.legalBasisText)
        edited.deadlineText = deadlineText.trimmed
        edited.deadlineRule = DeadlineParser.parse(edited.deadlineText)
        edited.publisher = publisher.trimmed
        edited.responsibleUnits = responsibleUnits
        edited.responsibleText = responsibleUnits.joined(separator: "、")
        let others = otherChannels.split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmed }.filter { !$0.isEmpty }
        edited.channels = Channel.allCases.filter(channels.contains).map { ChannelMark(name: $0.label, standard: $0, checked: true) }
            + others.map { ChannelMark(name: $0, standard: nil, checked: true) }
        edited.channelText = edited.channels.map(\.name).joined(separator: "、")
        edited.audiences = Audience.allCases.filter(audiences.contains)
        edited.modes = Mode.allCases.filter(modes.contains)
        edited.tiers = Tier.allCases.filter(tiers.contains)
        edited.updateFrequency = updateFrequency.trimmed
        edited.remarks = remarks.trimmed
        edited.doubts = nil
        return edited
    }
}
