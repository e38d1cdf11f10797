/// Finds unmasked personal data in record text: mainland ID numbers (GB 11643 checksum), mobile numbers and
/// bank card numbers (Luhn). Run on title, body and attachment text when a record is submitted and published;
/// the kinds found are stored with the record so the compliance sweep need not rescan bodies.
///
/// Why: 《2018年政务公开工作要点》 requires personal information in published government information to be
/// 去标识化; 《个人信息保护法》 第二十五条 forbids publishing personal information without separate consent and
/// 第七十三条 defines 去标识化. Full ID and phone numbers in 低保 lists are the known failure (REGULATIONS §5.3).
///
/// Digits may be ASCII or full-width (０–９). Groups may be separated by a space, hyphen, ideographic space or
/// dash, in the layouts people write (138 1234 5678, 6222 0212 3456 7890 123, 350102 19900101 1234).
/// A value touching a letter, an asterisk or a decimal point, or inside a longer digit run, is not a match;
/// anything already containing `*` is therefore never reported.
public enum PersonalDataScanner {
    /// Every match in `text`, in order.
    public static func scan(_ text: String) -> [PersonalDataMatch] {
        let units = Array(text.utf16)
        var scanner = UnitScanner(units: units)
        return scanner.run().map { found in
            let slice = Array(units[found.start..<found.end])
            return PersonalDataMatch(kind: found.kind, text: String(decoding: slice, as: UTF16.self),
                                     utf16Offset: found.start, utf16Length: found.end - found.start,
                                     masked: found.prefix + PersonalDataMask.mask(found.kind, found.value))
        }
    }

    /// `text` with every match replaced by its masked form.
    public static func maskAll(_ text: String) -> String {
        let matches = scan(text)
        guard !matches.isEmpty else { return text }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var position = 0
        for match in matches {
            result += units[position..<match.utf16Offset]
            result += match.masked.utf16
            position = match.utf16Offset + match.utf16Length
        }
        result += units[position...]
        return String(decoding: result, as: UTF16.self)
    }

    /// The distinct kinds found in any of `texts`, in `PersonalDataKind` order: what a record stores.
    public static func kinds(in texts: [String]) -> [PersonalDataKind] {
        var found = Set<PersonalDataKind>()
        for text in texts { for match in scan(text) { found.insert(match.kind) } }
        return found.sorted()
    }
}
