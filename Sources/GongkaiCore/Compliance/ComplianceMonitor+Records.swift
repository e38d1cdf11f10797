/// Checks on a record itself, made once per record under its primary item: 有效性, 解读 and personal data.
extension Sweep {
    mutating func checkRecords() {
        for index in records.indices {
            // Most records are neither policies nor flagged: test in place before copying one.
            guard records[index].isPolicy || !records[index].personalData.isEmpty,
                  let published = publicationDate(index) else { continue }
            let record = records[index]
            if !record.personalData.isEmpty {
                tally(record.agencyID) { $0.personalData.append(record.id) }
                findings.append(FindingText.personalData(record, published: published))
            }
            guard record.isPolicy else { continue }
            // 有效性 labelling of 规范性文件: annual-report table 二 counts 现行有效 documents; pages carry
            // "有效性" (REGULATIONS §5.1). No national 有效期 rule exists; 有效期至 is the document's own.
            if record.validity == nil {
                findings.append(FindingText.validityMissing(record, published: published))
            } else if record.validity == .valid, let until = record.validUntil, until < at {
                findings.append(FindingText.validityExpired(record, published: published, until: until))
            }
            if options.inWindow(published) { checkInterpretation(of: record, published: published) }
        }
    }

    /// 政策解读 published with its policy (三同步; 3 workdays at most, 郑州 2016, `interpretationLagWorkdays`).
    private mutating func checkInterpretation(of policy: ComplianceRecord, published: CivilDate) {
        var ids = policy.interpretationIDs
        for id in interpretedBy[policy.id] ?? [] where !ids.contains(id) { ids.append(id) }
        let lag = options.interpretationLagWorkdays
        var earliest: (date: CivilDate, record: ComplianceRecord)?
        for id in ids {
            guard let index = linkIndex[id], let date = publicationDate(index) else { continue }
            if earliest == nil || date < earliest!.date { earliest = (date, records[index]) }
        }
        guard let (date, interpretation) = earliest else {
            let latest = calendar.adding(workdays: lag, to: published)
            if at > latest {
                tally(policy.agencyID) { $0.policiesWithoutInterpretation.append(policy.id) }
                findings.append(FindingText.missingInterpretation(policy, published: published, latest: latest,
                                                                  linked: ids.count, lag: lag, at: at))
            }
            return
        }
        let late = calendar.workdays(from: published, to: date)
        guard late > lag, !lateSynchronous.contains(interpretation.id) else { return }
        findings.append(FindingText.unsynced(interpretation, policy: policy, policyPublished: published,
                                             published: date, workdays: late, lag: lag))
    }
}
