import GongkaiCore
import Testing

@Suite struct PersonalDataScannerTests {
    typealias Samples = PersonalDataSamples

    @Test func labelledSetHasNoMissesAndNoFalsePositives() {
        var expectedCount = 0, misses: [String] = [], extras: [String] = []
        for sample in Samples.positives {
            let found = PersonalDataScanner.scan(sample.text).map { ($0.kind, $0.text) }
            expectedCount += sample.expected.count
            for value in sample.expected where !found.contains(where: { $0 == value }) { misses.append("\(value) in \(sample.text)") }
            for value in found where !sample.expected.contains(where: { $0 == value }) { extras.append("\(value) in \(sample.text)") }
        }
        for text in Samples.negatives {
            extras += PersonalDataScanner.scan(text).map { "\($0.kind) \($0.text) in \(text)" }
        }
        #expect(expectedCount >= 40)
        #expect(Samples.negatives.count >= 40)
        #expect(misses == [], "missed")
        #expect(extras == [], "false positives")
    }

    @Test func offsetsAndMasks() {
        let text = "姓名：张某，电话：138-1234-5678，身份证：\(Samples.idA)"
        let matches = PersonalDataScanner.scan(text)
        #expect(matches.map(\.kind) == [.mobile, .idNumber])
        #expect(matches[0].masked == "138****5678")
        #expect(String(text[matches[0].range(in: text)]) == "138-1234-5678")
        #expect(matches[0].utf16Offset == 9)
        #expect(matches[1].masked == "35*************" + Samples.idA.suffix(3))
        #expect(matches[1].masked.count == 18)
        #expect(PersonalDataScanner.maskAll(text) == "姓名：张某，电话：138****5678，身份证：35*************" + Samples.idA.suffix(3))
    }

    @Test func masksKeepThePrescribedDigits() {
        #expect(PersonalDataScanner.scan(Samples.idX)[0].masked == "37*************" + Samples.idX.suffix(3))
        #expect(PersonalDataScanner.scan(Samples.old1)[0].masked == "35**********123")
        #expect(PersonalDataScanner.scan("卡号\(Samples.card19)")[0].masked == "6228***********" + Samples.card19.suffix(4))
        #expect(PersonalDataScanner.scan("+86 13812345678")[0].masked == "+86 138****5678")
        #expect(PersonalDataScanner.maskAll("无个人信息") == "无个人信息")
        // Masking is idempotent: masked values are never matched again.
        let masked = PersonalDataScanner.maskAll("户主\(Samples.idB)，电话15012345678，卡号\(Samples.card19b)")
        #expect(PersonalDataScanner.scan(masked).isEmpty)
    }

    @Test func kindsAndGuard() {
        #expect(PersonalDataScanner.kinds(in: ["卡号\(Samples.card16)", "电话13812345678", "无"]) == [.mobile, .bankCard])
        let result = PersonalDataGuard.check(title: "关于张某的公示", body: "身份证号\(Samples.idA)",
                                             attachments: [(name: "名册.xlsx", text: "13912345678")])
        #expect(result.kinds == [.idNumber, .mobile])
        #expect(result.hits.map(\.location.label) == ["正文", "附件《名册.xlsx》"])
        #expect(result.message.contains("附件《名册.xlsx》第1字：手机号 13912345678，建议改为 139****5678"))
        #expect(PersonalDataGuard.check(title: "通知", body: "电话0533-3221234").isClean)
    }

    /// Known false positives (listed in docs/compliance.md): structure alone cannot tell them apart.
    @Test func knownFalsePositives() {
        // A 16–19 digit serial number that happens to pass Luhn, without a label such as 订单号 before it.
        #expect(PersonalDataScanner.scan("流水 \(Samples.labelledLuhn19)").map(\.kind) == [.bankCard])
        // A 15-digit 工商注册号 whose digits 7–12 read as a date (1960-01-12), without its label.
        #expect(PersonalDataScanner.scan("370323600112345").map(\.kind) == [.idNumber])
        // An 11-digit number starting 13–19 used as something else.
        #expect(PersonalDataScanner.scan("第13812345678号").map(\.kind) == [.mobile])
    }
}
