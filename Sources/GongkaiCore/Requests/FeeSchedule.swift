/// 计收方式 of the 信息处理费 (国办函〔2020〕109号 第三条): one method per application, never both.
public enum FeeMethod: String, Codable, Sendable, CaseIterable {
    /// 按件计收: by the applicant's number of applications in one natural month (第四条).
    case perApplication
    /// 按量计收: by pages provided on paper, by e-mail or as copied data (第五条).
    case perVolume

    /// 按件计收 or 按量计收.
    public var label: String {
        switch self {
        case .perApplication: "按件计收"
        case .perVolume: "按量计收"
        }
    }
}

/// A fee worked out under 109号, with its working in Chinese.
public struct FeeQuote: Sendable, Equatable {
    /// The method the amount was computed with.
    public var method: FeeMethod
    /// 元.
    public var amount: Int
    /// The bands applied, in Chinese, citing 109号.
    public var explanation: String
}

/// The 信息处理费 tiers of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), progressive (超额累进, 第三条):
/// each band's rate applies only to the part inside that band. Fees may be charged only when the number or frequency
/// of requests clearly exceeds a reasonable range (条例 第四十二条); the free bands express that.
///
/// UNCONFIRMED (REGULATIONS §1.5, §6 item 6): the payment deadline after a 收费通知 and its effect on the answer clock.
/// This module therefore computes no payment deadline (staff record `feeExpired`) and does not pause the clock.
public enum FeeSchedule {
    /// 按件: the fee for the `ordinal`-th application (1-based) of one applicant in one natural month:
    /// 1–10 free; 11–30 100元/件; from 31 each further band of 10 adds 100元/件 (31–40 200元, 41–50 300元 …).
    public static func perApplicationFee(ordinal: Int) -> Int {
        switch ordinal {
        case ...10: 0
        case 11...30: 100
        default: 100 + 100 * ((ordinal - 31) / 10 + 1)
        }
    }

    /// 按件: what `ordinal` (the application's number in its natural month) costs, with the working.
    public static func perApplication(ordinal: Int) -> FeeQuote {
        let fee = perApplicationFee(ordinal: ordinal)
        let band = switch ordinal {
        case ...10: "同一申请人一个自然月内累计申请10件以下（含10件）的，不收费"
        case 11...30: "11—30件（含30件）的部分：100元/件"
        default: "31件以上的部分以10件为一档，每增加一档提高100元/件，本件所在档：\(fee)元/件"
        }
        return FeeQuote(method: .perApplication, amount: fee,
                        explanation: "按件计收：本件为本自然月第\(ordinal)件申请；\(band)。应收\(fee)元（国办函〔2020〕109号第四条）。")
    }

    /// 按量 bands: (first page, last page or nil, 元/页).
    static let pageBands: [(first: Int, last: Int?, rate: Int)] = [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, nil, 40)]

    /// 按量: the fee for `pages` pages: ≤30 free; pages 31–100 10元/页; 101–200 20元/页; from 201 40元/页.
    public static func perVolume(pages: Int) -> FeeQuote {
        var total = 0
        var parts: [String] = []
        for band in pageBands where pages >= band.first {
            let last = min(pages, band.last ?? pages)
            let count = last - band.first + 1
            total += count * band.rate
            let range = band.last == nil ? "第\(band.first)页起" : "第\(band.first)—\(band.last!)页"
            parts.append(band.rate == 0 ? "\(range)免费" : "\(range)\(count)页×\(band.rate)元=\(count * band.rate)元")
        }
        let working = parts.isEmpty ? "无页数" : parts.joined(separator: "；")
        return FeeQuote(method: .perVolume, amount: total,
                        explanation: "按量计收：共\(pages)页，超额累进：\(working)。合计\(total)元（国办函〔2020〕109号第五条）。")
    }
}
