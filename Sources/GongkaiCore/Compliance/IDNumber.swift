/// 公民身份号码 (mainland resident ID number) as defined by GB 11643-1999:
/// 6-digit address code, 8-digit birth date, 3-digit sequence, and a check character computed with
/// ISO 7064 MOD 11-2 (0–9 or X). The older 15-digit form (before 1999) has a 6-digit birth date (YYMMDD,
/// 19YY) and no check character.
public enum IDNumber {
    /// First two digits of the address code: provinces, plus 71 台湾, 81 香港, 82 澳门 and 83 (台湾居民居住证).
    static let provinceCodes: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                                          41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
                                          71, 81, 82, 83]

    /// The check character ("0"–"9" or "X") for the first 17 digits; nil unless `first17` is 17 ASCII digits.
    public static func checkCharacter(for first17: String) -> Character? {
        let values = first17.utf8.map { Int($0) - 48 }
        guard values.count == 17, values.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let check = checkValue(values)
        return check == 10 ? "X" : Character(String(check))
    }

    /// Whether `text` is a valid 18-digit (checksum, birth date, province) or 15-digit (birth date, province)
    /// ID number. A lower-case x is accepted as the check character.
    public static func isValid(_ text: String) -> Bool {
        var values: [Int] = []
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 48...57: values.append(Int(byte) - 48)
            case 88 where index == 17, 120 where index == 17: values.append(10)
            default: return false
            }
        }
        switch values.count {
        case 18: return isValid18(values)
        case 15: return isValid15(values)
        default: return false
        }
    }

    /// `values`: 18 numbers 0–9, the last one may be 10 (X).
    static func isValid18(_ values: [Int]) -> Bool {
        guard values.count == 18, values.dropLast().allSatisfy({ $0 < 10 }) else { return false }
        return hasValidPrefix(values) && checkValue(Array(values.prefix(17))) == values[17]
            && isBirthDate(year: number(values, 6, 4), month: number(values, 10, 2), day: number(values, 12, 2))
    }

    /// 18 digits with a birth date in place, whatever the address code and check character: such a number is
    /// treated as a mistyped ID number (not reported), never as a bank card.
    static func looksLikeID18(_ values: [Int]) -> Bool {
        values.count == 18
            && isBirthDate(year: number(values, 6, 4), month: number(values, 10, 2), day: number(values, 12, 2))
    }

    static func isValid15(_ values: [Int]) -> Bool {
        guard values.count == 15, values.allSatisfy({ $0 < 10 }) else { return false }
        return hasValidPrefix(values)
            && isBirthDate(year: 1900 + number(values, 6, 2), month: number(values, 8, 2), day: number(values, 10, 2))
    }

    /// ISO 7064 MOD 11-2: weights 2^(17−i) mod 11; the check value makes the weighted sum ≡ 1 (mod 11).
    static func checkValue(_ first17: [Int]) -> Int {
        var sum = 0
        var weight = 1
        for value in first17.reversed() {
            weight = weight * 2 % 11
            sum += value * weight
        }
        return (12 - sum % 11) % 11
    }

    private static func hasValidPrefix(_ values: [Int]) -> Bool {
        provinceCodes.contains(values[0] * 10 + values[1])
    }

    private static func isBirthDate(year: Int, month: Int, day: Int) -> Bool {
        (1900...2099).contains(year) && CivilDate(year: year, month: month, day: day) != nil
    }

    private static func number(_ values: [Int], _ start: Int, _ length: Int) -> Int {
        values[start..<(start + length)].reduce(0) { $0 * 10 + $1 }
    }
}
