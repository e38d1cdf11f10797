extension ChosenRole {
    /// The roles that read a column as one field of the item.
    private static let fields: [(Field, ChosenRole)] = [
        (.content, .content), (.legalBasis, .legalBasis), (.deadline, .deadline), (.publisher, .publisher),
        (.responsible, .responsible), (.channel, .channel), (.audience, .audience), (.mode, .mode), (.tier, .tier),
        (.stage, .stage), (.updateFrequency, .updateFrequency), (.remarks, .remarks),
    ]

    /// The role the interpreter reads the column with.
    var columnRole: ColumnRole {
        switch self {
        case .sequence: .sequence
        case .code: .code
        case .level(let n): .level(n)
        case .ignore: .ignored
        default: Self.fields.first { $0.1 == self }!.0.columnRole
        }
    }

    /// The option of the preview's select that a column read with `role` shows; nil for a mark column
    /// (全社会, 主动 …) and a column whose header was not recognised, which no option stands for.
    init?(_ role: ColumnRole) {
        switch role {
        case .sequence: self = .sequence
        case .code: self = .code
        case .level(let n): self = .level(n)
        case .ignored: self = .ignore
        case .stageFlag, .audienceFlag, .modeFlag, .tierFlag, .unknown: return nil
        default:
            guard let field = Field(role), let chosen = Self.fields.first(where: { $0.0 == field }) else { return nil }
            self = chosen.1
        }
    }
}

extension Field {
    /// The role of a column holding this field as text.
    var columnRole: ColumnRole {
        switch self {
        case .content: .content
        case .legalBasis: .legalBasis
        case .deadline: .deadline
        case .publisher: .publisher
        case .responsible: .responsible
        case .channel: .channel
        case .stage: .stageText
        case .audience: .audienceText
        case .mode: .modeText
        case .tier: .tierText
        case .updateFrequency: .updateFrequency
        case .remarks: .remarks
        }
    }
}
