/// Sections 四, 五 and 六 of the narrative draft.
extension NarrativeDraft {
    /// 四、政府信息公开行政复议、行政诉讼情况: table 四 in words.
    static func appeals(_ f: DraftFacts) -> String {
        let review = f.int("四.cases.review.total")
        if review + f.litigationTotal == 0 { return "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。" }
        var text = "本年度因政府信息公开工作被申请行政复议\(review)件"
        if review > 0 { text += "（" + results("review", f) + "）" }
        text += "；被提起行政诉讼\(f.litigationTotal)件"
        let groups = [("directLitigation", "未经复议直接起诉"), ("litigationAfterReview", "复议后起诉")]
            .filter { f.int("四.cases.\($0.0).total") > 0 }
            .map { "\($0.1)\(f.int("四.cases.\($0.0).total"))件，" + results($0.0, f) }
        if !groups.isEmpty { text += "（" + groups.joined(separator: "；") + "）" }
        return text + "。"
    }

    /// "结果维持1件，尚未审结1件": the non-zero results of a group of table 四.
    static func results(_ group: String, _ f: DraftFacts) -> String {
        AppealResult.allCases.map { ($0.label, f.int("四.cases.\(group).\($0.rawValue)")) }.filter { $0.1 > 0 }
            .map { "\($0.0)\($0.1)件" }.joined(separator: "，")
    }

    /// 五、存在的主要问题及改进情况: the late obligations and answers as problems; improvements are for staff to write.
    static func problems(_ f: DraftFacts) -> String {
        var parts: [String] = []
        if let late = f.compliance.obligationsLate, late > 0 { parts.append("本年有\(late)项主动公开事项未按时公开。") }
        if let late = f.compliance.requestsAnsweredLate, late > 0 { parts.append("有\(late)件政府信息公开申请未在法定期限内答复。") }
        parts.append("〔请填写存在的主要问题及改进情况。〕")
        return parts.joined()
    }

    /// 六、其他需要报告的事项: the 信息处理费 collected (国办函〔2020〕109号).
    /// **Uncertain**: REGULATIONS §2.1 leaves the required items under 六 unconfirmed; reporting the fees is customary, not confirmed.
    static func other(_ f: DraftFacts) -> String {
        let paid = f.input.requests.compactMap(\.state.fee).filter { $0.paidOn?.year == f.year }
        let fees = paid.isEmpty ? "本年度未收取信息处理费。"
            : "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费\(paid.count)件，共计\(paid.reduce(0) { $0 + $1.amount })元。"
        return fees + "〔如有其他需要报告的事项，请补充。〕"
    }
}
