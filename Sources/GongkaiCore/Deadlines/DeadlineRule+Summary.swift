extension DeadlineRule {
    /// The rule in one Chinese sentence, as staff read it on the item page.
    public var summary: String {
        var sentence: String
        switch kind {
        case .relative: sentence = relative!.summary
        case .periodic: sentence = periodic!.summary
        case .synchronous: sentence = "与\(synchronousWith ?? "关联文件")同步公开（同一天发布）"
        case .prompt: sentence = "及时公开：法规未规定具体天数，按本机关设定的默认期限计算"
        case .continuous: sentence = "持续更新，没有单一的到期日"
        case .statutory: sentence = "按法定时限：自信息形成或者变更之日起20个工作日内（《政府信息公开条例》第二十六条）"
        case .composite:
            sentence = "按信息类别区分：" + (branches ?? []).map { branch in
                (branch.label.isEmpty ? "其他信息" : branch.label) + "，" + branch.rule.summary
            }.joined(separator: "；")
        case .unparsed: sentence = "无法计算：\(reason ?? "没有可识别的期限")"
        }
        if continuous, kind != .continuous { sentence += "；此后随情况变化动态更新" }
        return sentence
    }
}

extension RelativeTerm {
    public var summary: String {
        if count == 0, unit == .day { return "当日：\(trigger)当天公开" }
        if count == 1, unit == .day { return "次日：自\(trigger)之日起1日（自然日）内，即次日" }
        return "自\(trigger)之日起\(count)\(unit.chinese)内"
    }
}

extension RelativeTerm.Unit {
    var chinese: String {
        switch self {
        case .workday: "个工作日"
        case .day: "日（自然日）"
        case .month: "个月"
        }
    }
}

extension PeriodicTerm {
    public var summary: String {
        if let dates = explicitDates {
            return "在" + dates.map(\.description).joined(separator: "、") + "前公开上一期情况"
        }
        let reportedText: String = switch (frequency, reported) {
        case (.yearly, .previous): "上一年度"
        case (.yearly, .same): "本年度"
        case (.halfYearly, .previous): "上一个半年"
        case (.quarterly, .previous): "上一季度"
        case (.monthly, .previous): "上月"
        default: "本期"
        }
        if let offset = afterPeriodEnd {
            let period = [.yearly: "每年度", .halfYearly: "每半年", .quarterly: "每季度", .monthly: "每月"][frequency]!
            return "\(period)结束后\(offset.count)\(offset.unit.chinese)内公开该期情况"
        }
        let inferred = !reportedInferred ? "" : dueMonth == nil ? "（文本未写明所报期间，推定为上一期）" : "（文本未写明所报期间，按截止月份推定）"
        guard let dueDay else {
            return "\(frequency.chinese)公开\(reportedText)情况；文本未给出具体日期\(inferred)"
        }
        let dayText = dueDay == 0 ? "底" : "\(dueDay)日"
        switch frequency {
        case .yearly: return "每年\(dueMonth ?? 1)月\(dayText)前公开\(reportedText)情况\(inferred)"
        case .quarterly: return "每季度首月\(dayText)前公开\(reportedText)情况\(inferred)"
        case .halfYearly: return "每半年首月\(dayText)前公开\(reportedText)情况\(inferred)"
        case .monthly: return "每月\(dayText)前公开\(reportedText)情况\(inferred)"
        }
    }
}
