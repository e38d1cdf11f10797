/// 公开对象
public enum Audience: String, Codable, Sendable, CaseIterable {
    case `public`, specific

    public var label: String { self == .public ? "全社会" : "特定群体" }

    /// Recognises 全社会, 特定群体 / 特定群众 / 特定对象.
    public static func parse(_ text: String) -> [Audience] {
        var found: [Audience] = []
        if text.includes("全社会") || text.includes("社会公众") { found.append(.public) }
        if text.includes("特定") { found.append(.specific) }
        return found
    }
}

/// 公开方式
public enum Mode: String, Codable, Sendable, CaseIterable {
    case proactive, onRequest

    public var label: String { self == .proactive ? "主动" : "依申请" }

    public static func parse(_ text: String) -> [Mode] {
        var found: [Mode] = []
        if text.includes("主动") { found.append(.proactive) }
        if text.includes("依申") { found.append(.onRequest) }
        return found
    }
}

/// 五公开: the part of the administrative process an item discloses.
public enum Stage: String, Codable, Sendable, CaseIterable {
    case decision, execution, management, service, result

    public var label: String {
        switch self {
        case .decision: "决策"
        case .execution: "执行"
        case .management: "管理"
        case .service: "服务"
        case .result: "结果"
        }
    }

    /// Parses texts such as "决策", "执行和结果", "管理和服务". Returns nil when the text
    /// is not made only of stage words (catalogs sometimes put a category there instead).
    public static func parse(_ text: String) -> [Stage]? {
        var rest = Substring(text.filter { !$0.isWhitespace })
        var found: [Stage] = []
        while !rest.isEmpty {
            if let stage = allCases.first(where: { rest.hasPrefix($0.label) }) {
                found.append(stage)
                rest = rest.dropFirst(stage.label.count)
            } else if let joiner = ["和", "、", "/", "，", ","].first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(joiner.count)
            } else {
                return nil
            }
        }
        return found.isEmpty ? nil : found
    }
}

/// 公开层级
public enum Tier: String, Codable, Sendable, CaseIterable {
    case city, district, county, township, village

    public var label: String {
        switch self {
        case .city: "市级"
        case .district: "区级"
        case .county: "县级"
        case .township: "乡镇级"
        case .village: "村级"
        }
    }

    /// Recognises 市级, 区级, 县级, 乡(镇)/街镇级, 村级 and combinations such as "乡、村级".
    public static func parse(_ text: String) -> [Tier] {
        var found: [Tier] = []
        if text.includes("市") { found.append(.city) }
        if text.includes("区") && !text.includes("社区") { found.append(.district) }
        if text.includes("县") { found.append(.county) }
        if text.includes("乡") || text.includes("镇") || text.includes("街") { found.append(.township) }
        if text.includes("村") { found.append(.village) }
        return found
    }
}
