import GongkaiCore

/// A labelled, synthetic test set for the personal-data scanner. Every ID and card number is generated with
/// the checksum functions; none belongs to a real person or account.
enum PersonalDataSamples {
    struct Sample {
        var text: String
        /// The values the scanner must find, as written in `text`.
        var expected: [(kind: PersonalDataKind, text: String)]
    }

    static func id(_ first17: String) -> String { first17 + String(IDNumber.checkCharacter(for: first17)!) }
    static func card(_ payload: String) -> String { payload + String(Luhn.checkDigit(for: payload)!) }

    /// The first sequence number that makes the check character X.
    static let idX: String = {
        for sequence in 100...999 where IDNumber.checkCharacter(for: "37032319850612\(sequence)") == "X" {
            return "37032319850612\(sequence)X"
        }
        fatalError("no X check character")
    }()

    static func grouped(_ value: String, _ layout: [Int], _ separator: String) -> String {
        var rest = Substring(value), parts: [String] = []
        for length in layout { parts.append(String(rest.prefix(length))); rest = rest.dropFirst(length) }
        return parts.joined(separator: separator)
    }

    static func fullWidth(_ value: String) -> String {
        String(value.unicodeScalars.map { scalar in
            (48...57).contains(scalar.value) ? Character(UnicodeScalar(scalar.value - 48 + 0xFF10)!) : Character(scalar)
        })
    }

    /// The same digits with the last one changed so that the checksum fails.
    static func broken(_ value: String) -> String {
        let last = Int(String(value.last!)) ?? 0
        return String(value.dropLast()) + String((last + 1) % 10)
    }

    static let idA = id("35010219900101123"), idB = id("37032319851231001"), idC = id("11010519491231002")
    static let idD = id("44030620000229456"), idE = id("51010719780815321")
    static let old1 = "350102900101123", old2 = "370323851231001"
    static let card16 = card("622202123456789"), card19 = card("622848001234567890")
    static let card16b = card("436742123456789"), card19b = card("621700123456789012"), card17 = card("6214830123456789")

    static let positives: [Sample] = [
        Sample(text: "申请人张某，身份证号：\(idA)，住址：某某镇。", expected: [(.idNumber, idA)]),
        Sample(text: "身份证号码\(idB)", expected: [(.idNumber, idB)]),
        Sample(text: "（\(idC)）", expected: [(.idNumber, idC)]),
        Sample(text: "证件号:\(idC.lowercased())", expected: [(.idNumber, idC.lowercased())]),
        Sample(text: "\(idD)\n以上为户主信息", expected: [(.idNumber, idD)]),
        Sample(text: "第一行\n\(idE)", expected: [(.idNumber, idE)]),
        Sample(text: "身份证：\(idX)，", expected: [(.idNumber, idX)]),
        Sample(text: "号码 \(grouped(idA, [6, 8, 4], " ")) 已核实", expected: [(.idNumber, grouped(idA, [6, 8, 4], " "))]),
        Sample(text: "号码\(grouped(idX, [6, 8, 4], "-"))。", expected: [(.idNumber, grouped(idX, [6, 8, 4], "-"))]),
        Sample(text: "身份证号：\(fullWidth(idB))。", expected: [(.idNumber, fullWidth(idB))]),
        Sample(text: "老身份证号\(old1)已换发", expected: [(.idNumber, old1)]),
        Sample(text: "15位号码：\(old2)。", expected: [(.idNumber, old2)]),
        Sample(text: "姓名：李四　身份证号：\(idE)　电话：13812345678", expected: [(.idNumber, idE), (.mobile, "13812345678")]),
        Sample(text: "联系电话：13812345678。", expected: [(.mobile, "13812345678")]),
        Sample(text: "电话138-1234-5678", expected: [(.mobile, "138-1234-5678")]),
        Sample(text: "手机 139 1234 5678，", expected: [(.mobile, "139 1234 5678")]),
        Sample(text: "请拨打+86 15012345678咨询", expected: [(.mobile, "+86 15012345678")]),
        Sample(text: "＋86-186-1234-5678", expected: [(.mobile, "＋86-186-1234-5678")]),
        Sample(text: "+8619912345678", expected: [(.mobile, "+8619912345678")]),
        Sample(text: "（17712345678）", expected: [(.mobile, "17712345678")]),
        Sample(text: "手机：\(fullWidth("16612345678"))", expected: [(.mobile, fullWidth("16612345678"))]),
        Sample(text: "电话138　1234　5678", expected: [(.mobile, "138　1234　5678")]),
        Sample(text: "13812345678、13912345678", expected: [(.mobile, "13812345678"), (.mobile, "13912345678")]),
        Sample(text: "13812345678 13912345678", expected: [(.mobile, "13812345678"), (.mobile, "13912345678")]),
        Sample(text: "联系人王五14712345678请于三日内到场", expected: [(.mobile, "14712345678")]),
        Sample(text: "电话:\n18612345678\n", expected: [(.mobile, "18612345678")]),
        Sample(text: "手机号码为13912345678的用户", expected: [(.mobile, "13912345678")]),
        Sample(text: "Tel: 19912345678", expected: [(.mobile, "19912345678")]),
        Sample(text: "卡号：\(card16)", expected: [(.bankCard, card16)]),
        Sample(text: "银行账号\(card19)。", expected: [(.bankCard, card19)]),
        Sample(text: "账号 \(grouped(card16, [4, 4, 4, 4], " "))", expected: [(.bankCard, grouped(card16, [4, 4, 4, 4], " "))]),
        Sample(text: "\(grouped(card19, [4, 4, 4, 4, 3], " "))", expected: [(.bankCard, grouped(card19, [4, 4, 4, 4, 3], " "))]),
        Sample(text: "卡号\(grouped(card16b, [4, 4, 4, 4], "-"))。", expected: [(.bankCard, grouped(card16b, [4, 4, 4, 4], "-"))]),
        Sample(text: "开户行：某银行，账号：\(card19b)", expected: [(.bankCard, card19b)]),
        Sample(text: "社保卡金融账户\(card17)", expected: [(.bankCard, card17)]),
        Sample(text: "张三\t\(idA)\t13812345678\t\(card16)",
               expected: [(.idNumber, idA), (.mobile, "13812345678"), (.bankCard, card16)]),
        Sample(text: "户主\(idB)，电话15012345678，卡号\(card19b)",
               expected: [(.idNumber, idB), (.mobile, "15012345678"), (.bankCard, card19b)]),
        Sample(text: "低保名册：\n1. 王某 \(idD) 15012345678\n2. 李某 \(idE) 18612345678",
               expected: [(.idNumber, idD), (.mobile, "15012345678"), (.idNumber, idE), (.mobile, "18612345678")]),
        Sample(text: "身份证号码：\(idX.lowercased())", expected: [(.idNumber, idX.lowercased())]),
        Sample(text: "电话 ：138 - 1234 - 5678", expected: [(.mobile, "138 - 1234 - 5678")]),
    ]

    static let labelledLuhn19: String = card("202601010000123456")   // a serial number after 订单号
    static let allDigitCreditCode: String = card("12370323004417632")  // 18 digits, Luhn-valid, no birth date

    static let negatives: [String] = [
        "成文日期：20260101", "2026-01-01", "2026年1月1日至2026年12月31日", "20260101—20261231",
        "源医保发〔2026〕12号", "淄医保字〔2025〕103号", "索引号：11370323MB1234567X/2026-00012",
        "索引号：004417632/2026-00001", "统一社会信用代码：91370323MA3C12345K", "12370323MB0123456A",
        "合计金额：1,234,567.89元", "金额13812345678.50元", "0533-1234567", "（0533）3221234", "010-12345678",
        "400-123-4567", "0533-3221234-8001", "电话：0533—3221234", "138****1234", "35*************123",
        "6222 **** **** 1234", "3501**********1234", "350102********123X", "138 **** 5678", "6222********1234",
        "身份证号：\(broken(idA))", "身份证号：\(String(idB.dropLast()) + (idB.last == "X" ? "0" : "X"))",
        "卡号：\(broken(card16))", "卡号：\(broken(card19))", "12345678901", "10086123456", "138123456789",
        "9138123456780", "1381234567", "订单号：\(labelledLuhn19)", "统一社会信用代码：\(allDigitCreditCode)",
        "20260101083015", "192.168.1.1", "增长13.8%", "ISBN 978-7-111-12345-6", "邮编256100", "2019-2026年",
        "第12345678号", "3.14159265358979323846", "\(old1.dropLast())", "350102901301123", "版本1.3.8",
        "身份证号：（已去标识化）", "QQ群：123456789", "注册号：370323600112345",
    ]
}
