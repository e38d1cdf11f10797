/// One of the six sections of the report (国办公开办函〔2021〕30号; REGULATIONS §2.1), with the generated draft
/// and the text staff edit from it. Each edit is a new version; review and publication follow the record workflow.
public struct NarrativeSection: Codable, Sendable, Equatable {
    /// 1…6.
    public var number: Int
    /// The heading, verbatim ("一、总体情况").
    public var heading: String
    /// Generated from the data; kept so reviewers can compare.
    public var draft: String
    /// The current text: the draft until edited.
    public var text: String
    /// 1 for the draft, +1 per edit.
    public var version: Int

    public init(number: Int, heading: String, draft: String) {
        self.number = number
        self.heading = heading
        self.draft = draft
        self.text = draft
        self.version = 1
    }

    /// The section with staff's text as a new version (unchanged when the text is the same).
    public func editing(_ newText: String) -> NarrativeSection {
        guard newText != text else { return self }
        var next = self
        next.text = newText
        next.version += 1
        return next
    }

    /// Edited away from the generated draft.
    public var isEdited: Bool { text != draft }

    /// The six headings in order (REGULATIONS §2.1); the same in the 2019 trial format.
    public static let headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
}
