import GongkaiCore

/// A set of words looked for in many texts: a byte search on the texts' UTF-8 without copying them, which the
/// aligner's thousands of fits per catalog need to be cheap.
struct WordSet: Sendable {
    private let words: [[UInt8]]

    init(_ words: [String]) { self.words = words.map { Array($0.utf8) } }

    func any(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in words.contains { word in word.withUnsafeBufferPointer { ByteSearch.contains($0, in: haystack) } } }
    }
}

/// How well a cell's text fits a column role: positive when it reads like that role, negative when it reads
/// like something else. Used to place a row's cells when the text lost some (merged or empty cells) and
/// to doubt what was placed.
enum CellFit {
    static let checkMarks: Set<Character> = ["√", "✓", "✔", "●", "☑", "■", "þ", "Ö", "?"]
    static let boxGlyphs: Set<Character> = ["■", "□", "☑", "☐", "þ", "¨"]
    static let boxScalars: Set<Unicode.Scalar> = ["■", "□", "☑", "☐", "þ", "¨"]

    static func isMark(_ compact: String) -> Bool {
        !compact.isEmpty && compact.count <= 2 && compact.allSatisfy { checkMarks.contains($0) }
    }

    /// A row number: "12", and as pages also write it, "12." "12、" "(12)" "（12）".
    static func isSequence(_ compact: String) -> Bool {
        var digits = Substring(compact)
        if let last = digits.last, ".、．".contains(last) { digits = digits.dropLast() }
        if let first = digits.first, let last = digits.last, "(（".contains(first), ")）".contains(last) {
            digits = digits.dropFirst().dropLast()
        }
        return (1...3).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The number of a row number cell.
    static func sequenceNumber(_ compact: String) -> Int? {
        isSequence(compact) ? Int(compact.filter { $0.isASCII && $0.isNumber }) : nil
    }

    private static let deadlineWords = WordSet(["工作日", "日内", "之日起", "及时", "实时", "即时", "定期", "每年", "每季", "每月", "年底", "月底",
                                        "季度", "半年", "年度", "动态", "同步", "随时", "长期", "常态", "日前", "天内", "个月", "前公开",
                                        "后公开", "结束后", "形成", "变更", "公开后", "完成后", "批准后", "工作日内"])
    private static let unitSuffixes = ["局", "政府", "委", "办", "室", "科", "部门", "中心", "组", "队", "所", "站", "院", "街道",
                                       "办事处", "单位", "委员会", "处", "股", "大队", "分局", "机关", "医院", "学校", "公司", "会"]
    static let channelWords = WordSet(["网站", "公报", "两微一端", "新媒体", "服务中心", "公示栏", "查阅点", "便民", "广播", "电视",
                                       "报刊", "纸质", "微信", "微博", "发布会", "听证会", "精准推送", "平台", "公开栏", "入户", "现场",
                                       "客户端", "服务站", "显示屏", "宣传栏", "APP", "政务服务"])

    static func looksLikeDeadline(_ text: String) -> Bool {
        deadlineWords.any(in: text)
    }

    static func looksLikeUnit(_ compact: String) -> Bool {
        compact.count <= 40 && unitSuffixes.contains { compact.hasSuffix($0) || compact.includes($0 + "、") || compact.includes($0 + "(") }
    }

    static func looksLikeChannel(_ compact: String) -> Bool {
        compact.unicodeScalars.contains { boxScalars.contains($0) } || channelWords.any(in: compact)
    }

    private static let lawWords = WordSet(["《", "条例", "办法"])
    static func citesLaw(_ text: String) -> Bool { lawWords.any(in: text) }

    /// A category or item name: short, no marks, no sentences.
    static func name(_ compact: String) -> Double {
        if compact.isEmpty { return -0.2 }
        if isMark(compact) || compact.contains(where: { boxGlyphs.contains($0) }) { return -4 }
        if isSequence(compact) { return -2 }
        var score = 1.0
        if compact.count > 24 { score -= Double(compact.count - 24) / 6 }
        if compact.includes("《") { score -= 2 }
        if compact.includes("。") || compact.includes(";") || compact.includes("；") { score -= 1.5 }
        if looksLikeDeadline(compact) && compact.includes("日") { score -= 2 }
        return score
    }

    /// What a cell's text is made of, worked out once for all the roles it is scored against.
    struct Features {
        var compact: String
        var length: Int
        var mark: Bool
        var sequence: Bool
        var boxed: Bool
        var deadline: Bool
        var unit: Bool
        var channel: Bool
        var law: Bool
        var quote: Bool
        var list: Bool
        var day: Bool
        var lawWord: Bool

        init(_ text: String) {
            compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
            length = compact.count
            mark = CellFit.isMark(compact)
            sequence = CellFit.isSequence(compact)
            boxed = compact.unicodeScalars.contains { CellFit.boxScalars.contains($0) }
            deadline = CellFit.looksLikeDeadline(compact)
            unit = CellFit.looksLikeUnit(compact)
            channel = boxed || CellFit.channelWords.any(in: compact)
            law = CellFit.citesLaw(compact)
            quote = compact.includes("《")
            list = CellFit.listMarks.any(in: compact)
            day = compact.includes("日")
            lawWord = CellFit.lawSuffixes.any(in: compact)
        }
    }

    private static let listMarks = WordSet(["、", ";", "；"])
    private static let lawSuffixes = WordSet(["规定", "法"])

    static func fit(_ field: Field, _ text: String) -> Double { fit(field, Features(text)) }

    static func fit(_ field: Field, _ cell: Features) -> Double {
        let compact = cell.compact
        if compact.isEmpty { return field == .content ? -0.6 : -0.1 }
        if cell.mark { return [.audience, .mode, .tier, .stage].contains(field) ? 1.5 : -4 }
        if cell.sequence { return -3 }
        switch field {
        case .content:
            var score = 0.6
            if cell.length >= 8 { score += 0.4 }
            if cell.list { score += 0.3 }
            if cell.boxed { score -= 3 }
            if cell.deadline && cell.length < 30 && cell.day { score -= 1.2 }
            if cell.unit && cell.length <= 12 { score -= 0.8 }
            return score
        case .legalBasis:
            if cell.quote { return 2 }
            if cell.law || cell.lawWord { return 0.8 }
            return -1.5
        case .deadline:
            if cell.deadline { return cell.length > 80 ? 1 : 2.2 }
            return -1.6
        case .publisher, .responsible:
            if cell.boxed { return -3 }
            if cell.deadline && cell.day { return -2 }
            if cell.unit { return 2 }
            return cell.length <= 12 ? -0.3 : -1.5
        case .channel:
            if cell.boxed { return 2.5 }
            if cell.channel { return cell.length <= 40 ? 2 : 0.5 }
            return -1.8
        case .audience:
            return Audience.parse(compact).isEmpty ? -2 : 2
        case .mode:
            // A column called 公开方式 sometimes holds the form (全文发布) rather than 主动/依申请.
            return Mode.parse(compact).isEmpty ? (cell.length <= 6 ? -0.4 : -1) : 2
        case .tier:
            return cell.length <= 8 && !Tier.parse(compact).isEmpty ? 1.5 : -1.5
        case .stage:
            return Stage.parse(compact.filter { !boxGlyphs.contains($0) && $0 != "?" }) != nil ? 1.5 : -1.5
        case .updateFrequency:
            return cell.deadline ? 1 : -0.5
        case .remarks:
            return 0
        }
    }

    /// The roles a column whose label was lost may have.
    static let lostRoles: [Field] = [.deadline, .publisher, .responsible, .legalBasis, .channel, .content]
}
