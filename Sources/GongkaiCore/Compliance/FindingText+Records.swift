/// Findings about one record: personal data, 有效性, 解读.
extension FindingText {
    static func personalData(_ record: ComplianceRecord, published: CivilDate) -> Finding {
        let kinds = record.personalData.map(\.label).joined(separator: "、")
        return Finding(kind: .personalData, itemID: record.itemIDs.first, recordID: record.id, published: published,
                       rule: "个人信息去标识化（《2018年政务公开工作要点》；《个人信息保护法》第二十五条、第七十三条）",
                       explanation: "已发布的《\(record.title)》（\(published)发布）含未去标识化的个人信息：\(kinds)。"
                           + "除惩戒公示、强制性信息披露外，公开时须去标识化，如手机号 138****1234、身份证号 35*************123。")
    }

    static func validityMissing(_ record: ComplianceRecord, published: CivilDate) -> Finding {
        Finding(kind: .validityMissing, itemID: record.itemIDs.first, recordID: record.id, published: published,
                rule: "规范性文件标注有效性（有效/失效/废止）",
                explanation: "规范性文件《\(record.title)》（\(published)发布）未标注有效性（有效、失效或废止）。")
    }

    static func validityExpired(_ record: ComplianceRecord, published: CivilDate, until: CivilDate) -> Finding {
        Finding(kind: .validityExpired, itemID: record.itemIDs.first, recordID: record.id, due: until, published: published,
                rule: "规范性文件标注有效性（有效/失效/废止）",
                explanation: "规范性文件《\(record.title)》有效期至\(until)，已过期仍标注为“有效”。"
                    + "到期继续施行的应重新公布，否则应标注为失效。")
    }

    static func missingInterpretation(_ policy: ComplianceRecord, published: CivilDate, latest: CivilDate, linked: Int,
                                      lag: Int, at: CivilDate) -> Finding {
        let state = linked == 0 ? "未关联政策解读" : "关联的\(linked)件解读均未发布"
        return Finding(kind: .missingInterpretation, itemID: policy.itemIDs.first, recordID: policy.id, due: latest,
                       published: published, rule: interpretationRule(lag),
                       explanation: "政策文件《\(policy.title)》于\(published)发布，\(state)；解读应与政策文件同步发布，"
                           + "最迟\(latest)（\(lag)个工作日内），至\(at)仍未发布。")
    }

    static func unsynced(_ interpretation: ComplianceRecord, policy: ComplianceRecord, policyPublished: CivilDate,
                         published: CivilDate, workdays: Int, lag: Int) -> Finding {
        Finding(kind: .unsyncedInterpretation, itemID: interpretation.itemIDs.first, recordID: interpretation.id,
                published: published, workdays: workdays, rule: interpretationRule(lag),
                explanation: "解读《\(interpretation.title)》于\(published)发布，比所解读的《\(policy.title)》"
                    + "（\(policyPublished)发布）晚\(workdays)个工作日，超过\(lag)个工作日。")
    }

    static func interpretationRule(_ lag: Int) -> String {
        "解读与政策文件同步发布，最迟\(lag)个工作日内（郑州等地方规定，全国统一天数未见明文）"
    }
}
