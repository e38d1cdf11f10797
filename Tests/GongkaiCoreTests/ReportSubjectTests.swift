import GongkaiCore
import Testing

/// What a published record counts as in table 二, read from its title and the column it is filed under.
@Suite struct ReportSubjectTests {
    static func item(_ path: [String]) -> ComplianceItem {
        ComplianceItem(id: 1, agencyID: 1, name: path.last!, path: path)
    }

    static func record(_ title: String, policy: Bool = false) -> ComplianceRecord {
        ComplianceRecord(id: 7, agencyID: 1, itemIDs: [1], title: title, isPolicy: policy)
    }

    @Test(arguments: [
        (["主动公开目录", "行政处罚", "对骗取医疗保障基金支出的处罚"], "2026年第3号处罚决定", ReportSubject.decision(.penalty)),
        (["标准目录", "行政强制", "对企业划拨欠缴的医疗保险费"], "关于对某公司划拨欠缴医疗保险费的公示", .decision(.enforcement)),
        (["执法公示", "行政许可结果"], "某药店定点申请结果", .decision(.license)),
        // The title decides when the column names several kinds.
        (["行政权力运行", "行政许可和行政处罚双公示"], "某公司行政处罚决定书", .decision(.penalty)),
        (["行政权力运行", "行政许可和行政处罚双公示"], "2026年双公示情况", .ambiguous([.license, .penalty])),
        // Lists of powers and procedures hold no decisions.
        (["管理和服务公开", "行政处罚“四张清单”"], "郓城县医保局行政处罚“四张清单”信息公开", .none),
        (["行政执法", "行政处罚流程图"], "行政处罚流程", .none),
        (["机构信息", "领导信息"], "局领导分工", .none),
    ])
    func decisionsFromTitleAndColumn(path: [String], title: String, expected: ReportSubject) {
        #expect(ReportSubject.of(Self.record(title), item: Self.item(path)) == expected)
    }

    @Test func policiesAreNormativeDocumentsAndRegulationsAreNamedSo() {
        #expect(ReportSubject.of(Self.record("关于印发办法的通知", policy: true), item: Self.item(["法规公文", "规范性文件"]))
                == .normativeDocument(.normativeDocument))
        #expect(ReportSubject.of(Self.record("某市医疗保障基金监督管理办法", policy: true), item: Self.item(["政策文件", "政府规章"]))
                == .normativeDocument(.regulation))
        // A policy column is never read as a decision column, whatever its title says.
        #expect(ReportSubject.of(Self.record("关于行政处罚裁量基准的通知", policy: true), item: Self.item(["政策文件", "规范性文件"]))
                == .normativeDocument(.normativeDocument))
        #expect(ReportSubject.of(Self.record("无栏目的信息"), item: nil) == .none)
    }
}
