/// A disclosure item (公开事项) as the compliance monitor needs it, assembled by the storage layer from a
/// catalog node and the agency's settings.
public struct ComplianceItem: Codable, Sendable, Equatable {
    /// The catalog node's id.
    public var id: Int
    public var agencyID: Int
    public var name: String
    /// Category names from the top level down; may end with `name`.
    public var path: [String]
    /// 责任科室（单位）, for grouping findings by department.
    public var responsibleUnits: [String]
    /// The parsed 公开时限; nil when the item has none.
    public var rule: DeadlineRule?
    /// 更新频率 as written; may be empty.
    public var updateFrequency: String
    /// 说明 shown on an item that genuinely has no information (本单位无此类信息): such an item is not a
    /// blank column (国办 2015 普查说明: "应在该栏目信息展示页面上备注说明").
    public var emptyNote: String?
    /// The format the item's record titles must follow; nil for none.
    public var titlePattern: TitlePattern?
    /// The inspection class set by the agency; nil to infer it from name and path (`ColumnCategory.classify`).
    public var category: ColumnCategory?
    /// The days the item's catalog version is in force: from `activeFrom` (nil: from the start) to the day before
    /// `activeUntil` (nil: still in force). Obligations due outside them belong to another version's items.
    public var activeFrom: CivilDate?
    public var activeUntil: CivilDate?

    public init(id: Int, agencyID: Int, name: String, path: [String] = [], responsibleUnits: [String] = [],
                rule: DeadlineRule? = nil, updateFrequency: String = "", emptyNote: String? = nil,
                titlePattern: TitlePattern? = nil, category: ColumnCategory? = nil) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.path = path
        self.responsibleUnits = responsibleUnits
        self.rule = rule
        self.updateFrequency = updateFrequency
        self.emptyNote = emptyNote
        self.titlePattern = titlePattern
        self.category = category
    }

    /// From a catalog item and its place in the tree (`Catalog.items`).
    public init(id: Int, agencyID: Int, pathed: PathedItem, emptyNote: String? = nil, titlePattern: TitlePattern? = nil,
                category: ColumnCategory? = nil) {
        self.init(id: id, agencyID: agencyID, name: pathed.path.last ?? "", path: pathed.path,
                  responsibleUnits: pathed.item.responsibleUnits, rule: pathed.item.deadlineRule,
                  updateFrequency: pathed.item.updateFrequency, emptyNote: emptyNote, titlePattern: titlePattern,
                  category: category)
    }

    /// The inspection class: the agency's setting, else inferred from name and path.
    public var effectiveCategory: ColumnCategory { category ?? ColumnCategory.classify(name: name, path: path) }

    /// Whether the item's version is in force on `day`.
    public func isActive(on day: CivilDate) -> Bool {
        (activeFrom.map { $0 <= day } ?? true) && (activeUntil.map { day < $0 } ?? true)
    }

    /// Whether a blank-column note is present.
    var hasEmptyNote: Bool { !(emptyNote ?? "").trimmed.isEmpty }
}
