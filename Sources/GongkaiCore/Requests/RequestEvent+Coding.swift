/// JSON form: `{"type": "<RequestEventKind>", "date": "YYYY-MM-DD", …fields}`. The names are part of the stored
/// format: never rename them, add new ones instead.
extension RequestEvent: Codable {
    enum Key: String, CodingKey {
        case type, date, channel, department, items, replyWorkdays, party, workdays, approver, amount, method, text
        case outcome, legalBasis, result
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let on = try c.decode(CivilDate.self, forKey: .date)
        switch try c.decode(RequestEventKind.self, forKey: .type) {
        case .received: self = .received(on: on, channel: try c.decode(ReceiptChannel.self, forKey: .channel))
        case .assigned: self = .assigned(on: on, department: try c.decode(String.self, forKey: .department))
        case .clarificationRequested:
            self = .clarificationRequested(on: on, items: try c.decode([String].self, forKey: .items),
                                           replyWorkdays: try c.decode(Int.self, forKey: .replyWorkdays))
        case .clarificationReceived: self = .clarificationReceived(on: on)
        case .clarificationExpired: self = .clarificationExpired(on: on)
        case .consultationStarted: self = .consultationStarted(on: on, party: try c.decode(ConsultationParty.self, forKey: .party))
        case .consultationEnded: self = .consultationEnded(on: on)
        case .extended:
            self = .extended(on: on, workdays: try c.decode(Int.self, forKey: .workdays), approver: try c.decode(String.self, forKey: .approver))
        case .feeNoticed:
            self = .feeNoticed(on: on, amount: try c.decode(Int.self, forKey: .amount), method: try c.decode(FeeMethod.self, forKey: .method))
        case .feePaid: self = .feePaid(on: on)
        case .feeExpired: self = .feeExpired(on: on)
        case .answered:
            self = .answered(on: on, outcome: try c.decode(RequestOutcome.self, forKey: .outcome),
                             legalBasis: try c.decodeIfPresent(String.self, forKey: .legalBasis),
                             text: try c.decodeIfPresent(String.self, forKey: .text))
        case .archived: self = .archived(on: on)
        case .reviewFiled: self = .reviewFiled(on: on)
        case .reviewDecided: self = .reviewDecided(on: on, result: try c.decode(AppealResult.self, forKey: .result))
        case .litigationFiled: self = .litigationFiled(on: on)
        case .litigationDecided: self = .litigationDecided(on: on, result: try c.decode(AppealResult.self, forKey: .result))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .type)
        try c.encode(date, forKey: .date)
        switch self {
        case .received(_, let channel): try c.encode(channel, forKey: .channel)
        case .assigned(_, let department): try c.encode(department, forKey: .department)
        case .clarificationRequested(_, let items, let replyWorkdays):
            try c.encode(items, forKey: .items)
            try c.encode(replyWorkdays, forKey: .replyWorkdays)
        case .consultationStarted(_, let party): try c.encode(party, forKey: .party)
        case .extended(_, let workdays, let approver):
            try c.encode(workdays, forKey: .workdays)
            try c.encode(approver, forKey: .approver)
        case .feeNoticed(_, let amount, let method):
            try c.encode(amount, forKey: .amount)
            try c.encode(method, forKey: .method)
        case .answered(_, let outcome, let legalBasis, let text):
            try c.encode(outcome, forKey: .outcome)
            try c.encodeIfPresent(legalBasis, forKey: .legalBasis)
            try c.encodeIfPresent(text, forKey: .text)
        case .reviewDecided(_, let result), .litigationDecided(_, let result): try c.encode(result, forKey: .result)
        case .clarificationReceived, .clarificationExpired, .consultationEnded, .feePaid, .feeExpired, .archived,
             .reviewFiled, .litigationFiled:
            break
        }
    }
}
