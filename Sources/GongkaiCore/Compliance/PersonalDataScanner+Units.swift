/// The scanner's work on UTF-16 code units: find blocks of digit groups, then try the known layouts at
/// each group.
struct UnitScanner {
    struct Found {
        var kind: PersonalDataKind
        var start: Int
        var end: Int
        /// Digits (and a final X) without separators.
        var value: String
        /// Text kept in front of the mask ("+86 ").
        var prefix: String
    }

    /// A run of digits: [start, end) in code units, and the digit values.
    struct Group {
        var start: Int
        var end: Int
        var digits: [Int]
    }

    let units: [UInt16]
    private var found: [Found] = []

    init(units: [UInt16]) { self.units = units }

    mutating func run() -> [Found] {
        var index = 0
        while index < units.count {
            guard digit(at: index) != nil else { index += 1; continue }
            let groups = block(from: index)
            match(groups)
            index = groups.last!.end
        }
        return found
    }

    /// Digit groups from `start`, joined by at most 3 separator units each.
    private func block(from start: Int) -> [Group] {
        var groups: [Group] = []
        var index = start
        while true {
            var digits: [Int] = []
            let first = index
            while index < units.count, let value = digit(at: index) { digits.append(value); index += 1 }
            groups.append(Group(start: first, end: index, digits: digits))
            var next = index
            while next < units.count, next - index < 3, Self.isSeparator(units[next]) { next += 1 }
            guard next > index, next < units.count, digit(at: next) != nil else { return groups }
            index = next
        }
    }

    private mutating func match(_ groups: [Group]) {
        let blockEnd = groups.last!.end
        let context = Context(trailingX: blockEnd < units.count && Self.isX(units[blockEnd]),
                              rightClean: isCleanRight(blockEnd),
                              rightCleanAfterX: isCleanRight(blockEnd + 1))
        var index = 0
        var afterMatch = true
        while index < groups.count {
            let leftClean = index > 0 || isCleanLeft(groups[0].start)
            if leftClean, let (result, used) = candidate(groups, at: index, context, multiGroup: afterMatch) {
                found.append(result)
                index += used
                afterMatch = true
            } else {
                index += 1
                afterMatch = false
            }
        }
    }

    /// What surrounds a block of groups.
    struct Context {
        /// An X (or x, Ｘ) right after the last group: the check character of an ID number.
        var trailingX: Bool
        /// Nothing that extends the number (letter, asterisk, decimal part) follows the block.
        var rightClean: Bool
        var rightCleanAfterX: Bool
    }

    /// The first layout that fits at `groups[index]`, and how many groups it uses. Layouts spread over several
    /// groups (138 1234 5678) start only at the block's start or right after another match, so that they are
    /// never cut out of a longer run of grouped digits.
    private func candidate(_ groups: [Group], at index: Int, _ context: Context, multiGroup: Bool) -> (Found, Int)? {
        let first = groups[index]
        let lengths = groups[index...].map(\.digits.count)
        func endsClean(_ used: Int) -> Bool { index + used < groups.count || context.rightClean }
        func take(_ count: Int) -> [Int] { groups[index..<(index + count)].flatMap(\.digits) }
        func make(_ kind: PersonalDataKind, _ used: Int, _ digits: [Int], x: Bool = false, start: Int? = nil,
                  prefix: String = "") -> (Found, Int) {
            let end = groups[index + used - 1].end + (x ? 1 : 0)
            let value = digits.map(String.init).joined() + (x ? "X" : "")
            return (Found(kind: kind, start: start ?? first.start, end: end, value: value, prefix: prefix), used)
        }
        let plusBefore = first.start > 0 && Self.isPlus(units[first.start - 1])

        // +86 / ＋86 in front of a mobile number: "+86 138 1234 5678", "+86-13812345678", "+8613812345678".
        if plusBefore, first.digits == [8, 6],
           let (mobile, used) = mobileLayout(groups, at: index + 1, multiGroup: true), endsClean(used + 1) {
            let prefix = String(decoding: units[(first.start - 1)..<groups[index + 1].start], as: UTF16.self)
            var result = make(.mobile, used + 1, mobile, start: first.start - 1, prefix: prefix)
            result.0.value = mobile.map(String.init).joined()
            return result
        }
        if plusBefore, first.digits.count == 13, first.digits.prefix(2) == [8, 6],
           Self.isMobile(Array(first.digits.dropFirst(2))), endsClean(1) {
            return make(.mobile, 1, Array(first.digits.dropFirst(2)), start: first.start - 1, prefix: "+86")
        }
        // ID numbers: 18 digits, 17 digits + X, or written 6-8-4 (6-8-3 + X).
        for used in [1, 3] where lengths.count >= used && (used == 1 || multiGroup) {
            if used == 3, Array(lengths.prefix(3)) != [6, 8, 4], Array(lengths.prefix(3)) != [6, 8, 3] { continue }
            let digits = take(used)
            if digits.count == 18, IDNumber.isValid18(digits), endsClean(used) { return make(.idNumber, used, digits) }
            if digits.count == 17, index + used == groups.count, context.trailingX, context.rightCleanAfterX,
               IDNumber.isValid18(digits + [10]) {
                return make(.idNumber, used, digits, x: true)
            }
        }
        if let (mobile, used) = mobileLayout(groups, at: index, multiGroup: multiGroup), endsClean(used) {
            return make(.mobile, used, mobile)
        }
        // The 15-digit form has no check digit; a label such as 注册号 (old 15-digit 工商注册号) rules it out.
        if lengths[0] == 15, IDNumber.isValid15(first.digits), endsClean(1), !hasNonPersonalLabel(before: first.start) {
            return make(.idNumber, 1, first.digits)
        }
        if let used = cardLayout(lengths, multiGroup: multiGroup) {
            let digits = take(used)
            if digits.count == 18, IDNumber.isValid18(digits), endsClean(used) { return make(.idNumber, used, digits) }
            if !IDNumber.looksLikeID18(digits), Luhn.isValid(digits), endsClean(used),
               !hasNonPersonalLabel(before: first.start) {
                return make(.bankCard, used, digits)
            }
        }
        return nil
    }

    /// 11 digits as one group or written 3-4-4.
    private func mobileLayout(_ groups: [Group], at index: Int, multiGroup: Bool) -> ([Int], Int)? {
        guard index < groups.count else { return nil }
        if groups[index].digits.count == 11, Self.isMobile(groups[index].digits) { return (groups[index].digits, 1) }
        guard multiGroup, index + 2 < groups.count,
              groups[index...(index + 2)].map(\.digits.count) == [3, 4, 4] else { return nil }
        let digits = groups[index...(index + 2)].flatMap(\.digits)
        return Self.isMobile(digits) ? (digits, 3) : nil
    }

    /// How many groups make a 16–19 digit card number: one group, or four groups of 4 and optionally a last
    /// group of 1–3 (6222 0212 3456 7890 123). A fifth group of 4 means a longer number: no card.
    private func cardLayout(_ lengths: [Int], multiGroup: Bool) -> Int? {
        if (16...19).contains(lengths[0]) { return 1 }
        guard multiGroup, lengths.count >= 4, lengths.prefix(4).allSatisfy({ $0 == 4 }) else { return nil }
        guard lengths.count > 4 else { return 4 }
        switch lengths[4] {
        case 1...3: return lengths.count > 5 && lengths[5] == 4 ? nil : 5
        case 4: return nil
        default: return 4
        }
    }

    /// 中国大陆 mobile numbers: 1[3-9] and 9 more digits.
    static func isMobile(_ digits: [Int]) -> Bool {
        digits.count == 11 && digits[0] == 1 && digits[1] >= 3
    }
}
