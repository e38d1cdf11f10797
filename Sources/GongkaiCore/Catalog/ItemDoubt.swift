/// A field of an item that the importer read but is not sure of (存疑), with the reason in Chinese.
/// Staff see it on the item until they confirm or correct the field.
public struct ItemDoubt: Codable, Sendable, Equatable, Hashable {
    /// The field's Chinese label as staff know it: 公开事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象, 公开方式.
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}
