import GongkaiCore

/// Writes the titles, 文号 and bodies of simulated records from the catalog's own words: the item's name,
/// its category path and its 公开内容, so each agency's demo reads like its own site.
struct DemoWriter {
    let agencyName: String
    var random: SeededGenerator

    init(agencyName: String) {
        self.agencyName = agencyName
        random = SeededGenerator(seed: SeededGenerator.seed(agencyName))
    }

    /// 淄博市医疗保障局沂源分局 → 沂源县医保局 is not derivable; the place is what comes before the last
    /// 市/县/区 in the name, or the 分局's own place.
    var place: String {
        if let branch = agencyName.range(of: "局", options: .backwards), agencyName.hasSuffix("分局") {
            let inner = agencyName[..<branch.lowerBound].dropLast()  // …沂源分 → …沂源
            if let start = inner.range(of: "局", options: .backwards) { return String(inner[start.upperBound...]) }
        }
        for marker in ["县", "区", "市"] {
            if let range = agencyName.range(of: marker) { return String(agencyName[..<range.upperBound]) }
        }
        return String(agencyName.prefix(2))
    }

    /// The name people use on the site: 沂源医保局, 郓城县医保局.
    var shortName: String { place + "医保局" }

    /// The first character of the place opens every 文号 of the agency (郓医保发〔2026〕12号).
    var numberPrefix: String { String(place.first ?? "医") }

    mutating func documentNumber(kind: String = "发", year: Int, serial: Int) -> String {
        "\(numberPrefix)医保\(kind)〔\(year)〕\(serial)号"
    }

    mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }

    /// Topics for titles: the item's own name when it is specific, else a medical-insurance theme.
    mutating func topic(for item: DemoItem) -> String {
        let name = item.name.replacingOccurrences(of: "（", with: "").replacingOccurrences(of: "）", with: "")
        let themes = ["医疗救助", "城乡居民基本医疗保险", "医保基金监管", "门诊慢性病待遇", "异地就医直接结算", "定点医药机构协议管理",
                      "医保支付方式改革", "药品集中带量采购", "职工基本医疗保险", "医保经办服务"]
        return name.count >= 4 && name.count <= 14 ? name : pick(themes)
    }

    mutating func policyTitle(for item: DemoItem, year: Int) -> String {
        let topic = topic(for: item)
        let form = pick(["实施办法", "管理办法", "实施细则", "工作方案", "若干措施"])
        return "关于印发《\(place)\(topic)\(form)》的通知"
    }

    func interpretationTitle(forPolicy policy: String) -> String {
        if let open = policy.firstIndex(of: "《"), let close = policy.firstIndex(of: "》") {
            return "\(policy[open...close])政策解读"
        }
        return "\(policy)政策解读"
    }

    mutating func newsTitle(for item: DemoItem) -> String {
        let topic = topic(for: item)
        return pick(["\(shortName)召开\(topic)工作推进会", "\(shortName)开展\(topic)集中宣传活动", "\(shortName)扎实推进\(topic)工作",
                     "\(shortName)组织\(topic)业务培训", "\(place)\(topic)工作取得阶段性成效"])
    }

    mutating func noticeTitle(for item: DemoItem, year: Int) -> String {
        let topic = topic(for: item)
        return pick(["关于\(topic)有关事项的公告", "关于做好\(year)年度\(topic)工作的通知", "\(year)年\(topic)情况公示",
                     "关于调整\(topic)有关政策的通知"])
    }

    func periodicTitle(for item: DemoItem, period: ReportingPeriod) -> String {
        "\(agencyName)\(period.chinese)\(item.name)情况"
    }

    mutating func eventTitle(for item: DemoItem, date: CivilDate) -> String {
        pick(["\(item.name)（\(date.year)年\(date.components.month)月）", "关于\(item.name)的公示", "\(shortName)\(item.name)信息公开",
              "\(date.year)年\(item.name)情况"])
    }

    /// A body of a few paragraphs built from the item's 公开内容, with the agency's sign-off.
    mutating func body(for item: DemoItem, title: String, date: CivilDate, extra: String? = nil) -> String {
        let topic = topic(for: item)
        let points = item.content.split(whereSeparator: { "，。；、\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 && $0.count <= 30 }
        var paragraphs = ["为进一步做好\(topic)工作，保障参保群众合法权益，根据医疗保障有关法律法规和政策规定，结合\(place)实际，现将\(title.hasSuffix("通知") ? "有关事项通知" : "有关情况公开")如下："]
        let chosen = points.isEmpty ? ["工作目标", "主要内容", "保障措施"] : Array(points.prefix(4))
        let numerals = ["一", "二", "三", "四"]
        for (index, point) in chosen.enumerated() {
            paragraphs.append("\(numerals[index])、\(point)。" + pick(["按照医保政策要求，各定点医药机构和经办窗口应认真落实，确保医疗救助、待遇保障等工作规范有序开展。",
                                                                       "经办机构应当加强政策宣传和业务指导，及时回应参保群众关切。",
                                                                       "相关科室要强化医保基金监管，严厉打击欺诈骗保行为，确保基金安全。",
                                                                       "各乡镇（街道）医保工作站应当做好政策解释和服务工作。"]))
        }
        if let extra { paragraphs.append(extra) }
        paragraphs.append("\(agencyName)\n\(date.year)年\(date.components.month)月\(date.components.day)日")
        return paragraphs.joined(separator: "\n\n")
    }
}

/// What the writer needs to know of an item.
struct DemoItem: Sendable {
    var nodeID: Int
    var name: String
    var path: [String]
    var content: String
}
