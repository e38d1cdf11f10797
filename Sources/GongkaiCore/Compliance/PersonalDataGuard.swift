/// The personal-data check run when a record is submitted (提交审核) and published: title, body and the text
/// extracted from each attachment. The web layer shows `message` and the masked suggestions; the store saves
/// `kinds` with the record for the compliance sweep (`ComplianceRecord.personalData`).
public enum PersonalDataGuard {
    /// Where in a record a match was found.
    public struct Location: Codable, Sendable, Equatable {
        public enum Part: String, Codable, Sendable { case title, body, attachment }
        public var part: Part
        /// The attachment's file name, for `.attachment`.
        public var attachmentName: String?

        public init(part: Part, attachmentName: String? = nil) {
            self.part = part
            self.attachmentName = attachmentName
        }

        /// 标题 / 正文 / 附件《name》
        public var label: String {
            switch part {
            case .title: "标题"
            case .body: "正文"
            case .attachment: "附件《\(attachmentName ?? "")》"
            }
        }
    }

    /// One match and where it is.
    public struct Hit: Codable, Sendable, Equatable {
        public var location: Location
        public var match: PersonalDataMatch
    }

    /// The result of a check.
    public struct Result: Codable, Sendable, Equatable {
        public var hits: [Hit]

        public var isClean: Bool { hits.isEmpty }
        /// Distinct kinds found, in `PersonalDataKind` order: what the record stores.
        public var kinds: [PersonalDataKind] { Set(hits.map(\.match.kind)).sorted() }

        /// Chinese, one line per hit: "正文第12字：手机号 138-1234-5678，建议改为 138****5678".
        public var message: String {
            guard !hits.isEmpty else { return "未发现未去标识化的个人信息。" }
            let lines = hits.map { hit in
                "\(hit.location.label)第\(hit.match.utf16Offset + 1)字：\(hit.match.kind.label) \(hit.match.text)，建议改为 \(hit.match.masked)"
            }
            return "发现\(hits.count)处未去标识化的个人信息。公开前须去标识化（《2018年政务公开工作要点》；《个人信息保护法》第二十五条、第七十三条）：\n"
                + lines.joined(separator: "\n")
        }
    }

    /// Scans the title, the body and each attachment's extracted text.
    public static func check(title: String, body: String, attachments: [(name: String, text: String)] = []) -> Result {
        var hits: [Hit] = []
        func add(_ text: String, _ location: Location) {
            hits += PersonalDataScanner.scan(text).map { Hit(location: location, match: $0) }
        }
        add(title, Location(part: .title))
        add(body, Location(part: .body))
        for attachment in attachments { add(attachment.text, Location(part: .attachment, attachmentName: attachment.name)) }
        return Result(hits: hits)
    }
}
