/// The generated draft of sections 一…六 (REGULATIONS §2.1) from the computed tables and the compliance facts:
/// counts, changes from last year's report, deadlines met. Staff edit it; bracketed text marks what they must supply.
enum NarrativeDraft {
    static func sections(_ tables: ReportTables, input: ReportInput) -> [NarrativeSection] {
        let facts = DraftFacts(tables: tables, input: input)
        let texts = [overview(facts), proactive(facts), requests(facts), appeals(facts), problems(facts), other(facts)]
        return zip(NarrativeSection.headings, texts).enumerated().map { index, pair in
            NarrativeSection(number: index + 1, heading: pair.0, draft: pair.1)
        }
    }

    /// 一、总体情况: a summary of the year; 30号 asks for 主动公开、依申请公开、政府信息管理、平台建设、监督保障.
    static func overview(_ f: DraftFacts) -> String {
        var parts = ["\(f.year)年，\(f.agency)依照《中华人民共和国政府信息公开条例》开展政府信息公开工作。"]
        if let published = f.compliance.publishedRecords {
            parts.append("全年主动公开政府信息\(published)条\(f.change(published, f.previous?.compliance.publishedRecords, unit: "条"))。")
        }
        if let onTime = f.compliance.obligationsOnTime, let late = f.compliance.obligationsLate {
            parts.append("应在本年公开的事项\(onTime + late)项，按时公开\(onTime)项，逾期公开或尚未公开\(late)项。")
        }
        parts.append("本年新收政府信息公开申请\(f.int("三.newlyReceived.total"))件，办结\(f.int("三.concludedTotal.total"))件。")
        parts.append("因政府信息公开工作被申请行政复议\(f.int("四.cases.review.total"))件，被提起行政诉讼\(f.litigationTotal)件。")
        parts.append("〔请补充政府信息管理、政府信息公开平台建设、监督保障情况。〕")
        return parts.joined()
    }

    /// 二、主动公开政府信息情况: the documents and decisions of table 二.
    static func proactive(_ f: DraftFacts) -> String {
        var parts: [String] = []
        for kind in NormativeDocumentFact.Kind.allCases {
            let label = f.format == .format2021 ? kind.label : (kind == .regulation ? "规章" : "规范性文件")
            if f.format == .format2021 {
                let issued = "二.\(kind.rawValue).issued"
                parts.append("本年制发\(label)\(f.int(issued))件\(f.change(issued))，废止\(f.int("二.\(kind.rawValue).repealed"))件，"
                             + "现行有效\(f.int("二.\(kind.rawValue).inForce"))件。")
            } else {
                parts.append("本年新制作\(label)\(f.int("二.\(kind.rawValue).madeNew"))件，新公开\(f.int("二.\(kind.rawValue).publishedNew"))件，"
                             + "对外公开总数\(f.int("二.\(kind.rawValue).publishedTotal"))件。")
            }
        }
        let decisions = DecisionKind.allCases.map { kind in
            let id = "二.\(kind.rawValue).decisions"
            return "\(kind.label)\(f.int(id))件\(f.change(id))"
        }
        parts.append("本年作出处理决定：" + decisions.joined(separator: "，") + "。")
        if f.format == .format2021 {
            let fee = f.tables.cell("二.fee.amount")?.value
            parts.append(fee.map { "行政事业性收费金额\($0)万元。" } ?? "〔行政事业性收费金额待填报。〕")
        }
        return parts.joined()
    }

    /// 三、收到和处理政府信息公开申请情况: table 三 in words, with the deadline record.
    static func requests(_ f: DraftFacts) -> String {
        let received = "三.newlyReceived.total"
        var text = "本年新收政府信息公开申请\(f.int(received))件\(f.change(received))，上年结转\(f.int("三.carriedOver.total"))件。"
        let groups = f.outcomeGroups.map { "\($0.name)\($0.count)件" }.joined(separator: "、")
        text += "本年度办结\(f.int("三.concludedTotal.total"))件，其中\(groups)；结转下年度继续办理\(f.int("三.carriedForward.total"))件。"
        if let onTime = f.compliance.requestsAnsweredOnTime, let late = f.compliance.requestsAnsweredLate {
            text += late == 0 ? "全部申请均在法定期限内答复（条例第三十三条）。" : "在法定期限内答复\(onTime)件，逾期答复\(late)件。"
        }
        return text
    }
}
