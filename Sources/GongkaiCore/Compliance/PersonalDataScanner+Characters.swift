/// Character classes for the personal-data scanner, on UTF-16 code units.
extension UnitScanner {
    /// 0–9 for ASCII and full-width digits (０–９), nil otherwise.
    func digit(at index: Int) -> Int? {
        let unit = units[index]
        switch unit {
        case 0x30...0x39: return Int(unit - 0x30)
        case 0xFF10...0xFF19: return Int(unit - 0xFF10)
        default: return nil
        }
    }

    /// Space, no-break space, ideographic space (U+3000), hyphen and the dashes people type between groups.
    static func isSeparator(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x2D, 0xA0, 0x3000, 0x2010...0x2015, 0x2212, 0xFF0D: true
        default: false
        }
    }

    static func isX(_ unit: UInt16) -> Bool { unit == 0x58 || unit == 0x78 || unit == 0xFF38 || unit == 0xFF58 }

    static func isPlus(_ unit: UInt16) -> Bool { unit == 0x2B || unit == 0xFF0B }

    /// ASCII and full-width Latin letters.
    static func isLetter(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    static func isAsterisk(_ unit: UInt16) -> Bool { unit == 0x2A || unit == 0xFF0A || unit == 0x00D7 }

    static func isDecimalPoint(_ unit: UInt16) -> Bool { unit == 0x2E || unit == 0xFF0E }

    /// Whether a number may start at `start`: not glued to a letter, an asterisk or a decimal part before it.
    func isCleanLeft(_ start: Int) -> Bool {
        guard start > 0 else { return true }
        let unit = units[start - 1]
        if Self.isLetter(unit) || Self.isAsterisk(unit) { return false }
        if Self.isDecimalPoint(unit), start >= 2, digit(at: start - 2) != nil { return false }
        return true
    }

    /// Whether a number may end at `end`: not followed by a letter, an asterisk or a decimal part.
    func isCleanRight(_ end: Int) -> Bool {
        guard end < units.count else { return true }
        let unit = units[end]
        if Self.isLetter(unit) || Self.isAsterisk(unit) { return false }
        if Self.isDecimalPoint(unit), end + 1 < units.count, digit(at: end + 1) != nil { return false }
        return true
    }

    /// Labels of long numbers that are not personal (统一社会信用代码, 索引号, 订单号, 注册号 …) within the
    /// 12 code units before `start`. Only the weakly checked candidates consult them: bank cards (one Luhn
    /// digit) and 15-digit ID numbers (no check digit). 18-digit IDs and mobiles have their own structure.
    func hasNonPersonalLabel(before start: Int) -> Bool {
        let from = max(0, start - 12)
        let window = String(decoding: units[from..<start], as: UTF16.self)
        return Self.nonPersonalLabels.contains { window.includes($0) }
    }

    static let nonPersonalLabels = ["信用代码", "机构代码", "索引号", "识别号", "税号", "订单号", "流水号", "登记号",
                                "发票", "编号", "编码", "条码", "批准文号", "注册号"]
}
