/// A default 法律依据 for an answer, which staff confirm or replace.
public struct SuggestedLegalBasis: Sendable, Equatable {
    /// How sure the suggestion is.
    public enum Source: String, Sendable {
        /// From the mapping in REGULATIONS §2.6, itself an inference (no official mapping exists).
        case referenceMapping
        /// Not in §2.6: our own reading of the 条例, marked **Uncertain** in docs/requests.md.
        case ownInference
    }

    /// 《中华人民共和国政府信息公开条例》 with its articles.
    public var text: String
    /// Where the suggestion comes from.
    public var source: Source

    /// Shown next to the suggestion, in Chinese.
    public var note: String {
        switch source {
        case .referenceMapping: "推定依据（参照条例第三十六条与年报表三的对应关系，非官方对应表），请经办人核对。"
        case .ownInference: "推定依据（对照资料未列明，系本系统推断），请经办人核对。"
        }
    }
}

extension RequestOutcome {
    static let regulation = "《中华人民共和国政府信息公开条例》"

    /// The usual legal basis for this row, or nil where no source gives one (staff must fill it in).
    public var suggestedLegalBasis: SuggestedLegalBasis? {
        func mapped(_ articles: String) -> SuggestedLegalBasis { .init(text: Self.regulation + articles, source: .referenceMapping) }
        func inferred(_ articles: String) -> SuggestedLegalBasis { .init(text: Self.regulation + articles, source: .ownInference) }
        switch self {
        case .disclosed: return mapped("第三十六条第（一）项、第（二）项")
        case .partiallyDisclosed: return mapped("第三十七条")
        case .withheld(let reason):
            switch reason {
            // 第十四条: 国家秘密, 法律行政法规禁止公开, 危及国家安全、公共安全、经济安全、社会稳定.
            case .stateSecret, .prohibitedByLaw, .endangersSecurityOrStability: return mapped("第三十六条第（三）项、第十四条")
            case .thirdPartyRights: return mapped("第三十六条第（三）项、第十五条")
            case .internalAffairs: return mapped("第三十六条第（三）项、第十六条第一款")
            case .processInformation, .enforcementFile: return mapped("第三十六条第（三）项、第十六条第二款")
            // §2.6 maps only rows 1–7; 工商、不动产登记资料 and the like are queried under their own laws (第三十六条第（七）项).
            case .administrativeQuery: return inferred("第三十六条第（七）项")
            }
        case .unavailable(let reason):
            switch reason {
            case .notHeld: return mapped("第三十六条第（四）项、第（五）项")
            case .needsCreation: return mapped("第三十八条")
            case .stillUnclearAfterClarification: return mapped("第三十条")
            }
        case .notProcessed(let reason):
            switch reason {
            case .petitionOrComplaint: return mapped("第三十九条第一款")
            case .duplicate: return mapped("第三十六条第（六）项")
            case .publication: return mapped("第三十九条第二款")
            case .massRepetitive: return mapped("第三十五条")
            case .confirmationOrReissue: return nil
            }
        case .otherHandling(let reason):
            switch reason {
            case .clarificationOverdue: return mapped("第三十条")
            // §2.6 maps the row but names no article; the 109号 article on non-payment is UNCONFIRMED.
            case .feeUnpaid:
                return .init(text: Self.regulation + "第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", source: .ownInference)
            case .other: return nil
            }
        }
    }
}
