/// The Luhn check (ISO/IEC 7812-1, Annex B) that payment card numbers carry, UnionPay cards (银联卡) included.
/// Used by the personal-data guard: a bank card number is 金融账户 information, which 《个人信息保护法》
/// 第二十八条 lists as sensitive personal information.
public enum Luhn {
    /// Whether `digits` (ASCII digits only, at least 2) passes the Luhn check.
    public static func isValid(_ digits: String) -> Bool {
        let values = digits.utf8.map { Int($0) - 48 }
        guard values.count >= 2, values.allSatisfy({ (0...9).contains($0) }) else { return false }
        return isValid(values)
    }

    /// The digit to append to `payload` (ASCII digits) so that the result passes the check; nil for non-digits.
    public static func checkDigit(for payload: String) -> Int? {
        let values = payload.utf8.map { Int($0) - 48 }
        guard !values.isEmpty, values.allSatisfy({ (0...9).contains($0) }) else { return nil }
        // With a trailing 0 appended, the sum tells how far the check digit must move it to a multiple of 10.
        return (10 - sum(values + [0]) % 10) % 10
    }

    static func isValid(_ values: [Int]) -> Bool { sum(values) % 10 == 0 }

    /// Every second digit from the right is doubled (and 9 subtracted when it exceeds 9).
    private static func sum(_ values: [Int]) -> Int {
        var total = 0
        for (position, value) in values.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = value * 2
                total += doubled > 9 ? doubled - 9 : doubled
            } else {
                total += value
            }
        }
        return total
    }
}
