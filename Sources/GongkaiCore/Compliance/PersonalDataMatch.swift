/// A kind of personal data the guard looks for in record text.
public enum PersonalDataKind: String, Codable, Sendable, CaseIterable, Comparable {
    case idNumber, mobile, bankCard

    /// The Chinese name used in explanations.
    public var label: String {
        switch self {
        case .idNumber: "身份证号"
        case .mobile: "手机号"
        case .bankCard: "银行卡号"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One unmasked personal-data value found in a text.
public struct PersonalDataMatch: Codable, Sendable, Equatable {
    public var kind: PersonalDataKind
    /// The value as written, separators and "+86" included.
    public var text: String
    /// Position in the text, in UTF-16 code units (what JavaScript and NSString count).
    public var utf16Offset: Int
    public var utf16Length: Int
    /// The suggested de-identified replacement: 138****1234, 35*************123, 6222*********1234.
    public var masked: String

    public init(kind: PersonalDataKind, text: String, utf16Offset: Int, utf16Length: Int, masked: String) {
        self.kind = kind
        self.text = text
        self.utf16Offset = utf16Offset
        self.utf16Length = utf16Length
        self.masked = masked
    }

    /// The match's range in `source`, the text it was found in.
    public func range(in source: String) -> Range<String.Index> {
        let start = String.Index(utf16Offset: utf16Offset, in: source)
        let end = String.Index(utf16Offset: utf16Offset + utf16Length, in: source)
        return start..<end
    }
}

/// Masks in the form the 永安 2023 desensitisation notice shows (REGULATIONS §5.3): phone `138****1234`,
/// ID `35*************123` (first 2 and last 3 kept, same length). Bank cards keep the first and last 4 digits,
/// the common practice of bank statements (no published rule found; see docs/compliance.md).
enum PersonalDataMask {
    static func mask(_ kind: PersonalDataKind, _ value: String) -> String {
        let chars = Array(value)
        let (head, tail) = switch kind {
        case .mobile: (3, 4)
        case .idNumber: (2, 3)
        case .bankCard: (4, 4)
        }
        guard chars.count > head + tail else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(head)) + String(repeating: "*", count: chars.count - head - tail) + String(chars.suffix(tail))
    }
}
