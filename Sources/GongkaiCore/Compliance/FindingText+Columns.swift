/// Findings about columns (blank, stale) and titles.
extension FindingText {
    static let blankRule = "空白栏目（国办秘函〔2019〕19号单项否决：空白栏目数量超过（含）5个）"

    static func empty(_ item: ComplianceItem) -> Finding {
        Finding(kind: .emptyItem, itemID: item.id, rule: blankRule,
                explanation: "「\(item.name)」栏目没有已发布的信息，也没有备注说明。空白栏目须杜绝；确无此类信息的，"
                    + "应在栏目页面备注说明（国务院办公厅2015年政府网站普查说明）。空白栏目超过（含）5个即单项否决（国办秘函〔2019〕19号）。")
    }

    static func stale(_ item: ComplianceItem, last: CivilDate, limit: StalenessLimit, due: CivilDate, recordID: Int,
                      at: CivilDate) -> Finding {
        var text = "「\(item.name)」最近一次发布于\(last)，按\(limit.sourceText)应每\(limit.chinese)至少更新一次，"
            + "即\(due)前应有新信息；至\(at)已\(at.dayNumber - last.dayNumber)天未更新。"
        if case .inspection(let category) = limit.source, category == .news || category == .notices {
            text += "动态要闻类（2周）和通知公告、政策文件类（6个月）栏目未更新累计超过（含）5个即单项否决。"
        }
        return Finding(kind: .staleItem, itemID: item.id, recordID: recordID, due: due, published: last,
                       rule: "\(limit.sourceText)：每\(limit.chinese)至少更新一次", explanation: text)
    }

    static func currencyDueSoon(_ item: ComplianceItem, last: CivilDate, limit: StalenessLimit, due: CivilDate,
                                recordID: Int, workdays: Int) -> Finding {
        let rule = "\(limit.sourceText)：每\(limit.chinese)至少更新一次"
        return Finding(kind: .dueSoon, itemID: item.id, recordID: recordID, due: due, published: last, workdays: workdays,
                       rule: rule, explanation: "「\(item.name)」最近一次发布于\(last)，须在\(due)前更新（\(rule)），还剩\(workdays)个工作日。")
    }

    static func titleMismatch(_ item: ComplianceItem, _ record: ComplianceRecord, pattern: TitlePattern,
                              published: CivilDate) -> Finding {
        Finding(kind: .titleMismatch, itemID: item.id, recordID: record.id, published: published,
                rule: "标题格式：\(pattern.text)",
                explanation: "《\(record.title)》（\(published)发布）与「\(item.name)」规定的标题格式“\(pattern.text)”不符。")
    }
}
