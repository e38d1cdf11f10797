extension RequestWorkflow {
    /// Why an event cannot be recorded now, in Chinese for staff.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAllowed(RequestState.Phase, RequestEventKind)
        case outOfOrder(CivilDate, after: CivilDate)
        case departmentMissing
        case clarificationAlreadyRequested(on: CivilDate)
        case clarificationItemsMissing
        case invalidReplyPeriod(Int)
        case clarificationNotLapsed(deadline: CivilDate)
        case extensionAlreadyGranted(on: CivilDate)
        case extensionOutOfRange(Int)
        case extensionAfterDue(due: CivilDate)
        case approverMissing
        case feeAlreadyNoticed(on: CivilDate)
        case invalidFeeAmount(Int)
        case outcomeNeedsEvent(RequestOutcome, RequestEventKind)
        case outcomeNeedsClarification
        case appealAlreadyFiled(RequestEventKind)
        case appealNotFiled(RequestEventKind)
        case appealAlreadyDecided(RequestEventKind)
        case pendingIsNotADecision

        /// The failure in Chinese, with the article and what to do instead.
        public var description: String {
            switch self {
            case .notAllowed(let phase, let event): "“\(phase.label)”状态的申请不能\(event.label)。" + Self.hint(phase, event)
            case .outOfOrder(let date, let last): "事件日期\(date)早于上一事件日期\(last)，请按发生顺序登记。"
            case .departmentMissing: "请填写承办科室。"
            case .clarificationAlreadyRequested(let on):
                "本申请已于\(on)告知补正；补正应一次性告知（第三十条），不能再次告知。"
            case .clarificationItemsMissing: "补正告知须列明需要补正的全部事项（第三十条一次性告知）。"
            case .invalidReplyPeriod(let days): "补正期限\(days)个工作日不合理，至少为1个工作日。"
            case .clarificationNotLapsed(let deadline):
                "补正期限至\(deadline)（含当日）尚未届满，不能视为放弃申请；\(deadline)之后才能登记。"
            case .extensionAlreadyGranted(let on):
                "本申请已于\(on)延期一次；延长的期限最长不得超过20个工作日（第三十三条第二款），不能再次延期。"
            case .extensionOutOfRange(let days):
                "延长\(days)个工作日不合规：延长的期限应为1至20个工作日（第三十三条第二款）。"
            case .extensionAfterDue(let due): "答复期限已于\(due)届满，届满后不能再延期（第三十三条第二款）。"
            case .approverMissing: "延期须经政府信息公开工作机构负责人同意（第三十三条第二款），请填写批准人。"
            case .feeAlreadyNoticed(let on): "本申请已于\(on)发出收费通知；每件申请只能按一种标准计收一次（国办函〔2020〕109号第三条）。"
            case .invalidFeeAmount(let amount): "收费金额\(amount)元不合理，应大于0元。"
            case .outcomeNeedsEvent(let outcome, let event): "“\(outcome.label)”请登记“\(event.label)”，不作为答复登记。"
            case .outcomeNeedsClarification: "“补正后申请内容仍不明确”只适用于已收到补正的申请（第三十条）。"
            case .appealAlreadyFiled(let event): "本申请已登记过“\(event.label)”。"
            case .appealNotFiled(let event): "尚未登记对应的复议或诉讼，不能登记“\(event.label)”。"
            case .appealAlreadyDecided(let event): "该案件已有结果，不能再次登记“\(event.label)”。"
            case .pendingIsNotADecision: "“尚未审结”不是结果；案件审结后再登记结果。"
            }
        }

        static func hint(_ phase: RequestState.Phase, _ event: RequestEventKind) -> String {
            switch phase {
            case .consulting: "请先登记征求意见结束。"
            case .awaitingClarification: "请先登记收到补正，或在补正期限届满后登记逾期未补正。"
            case .awaitingFee: "请先登记缴费或逾期未缴费。"
            case .archived: "已归档的申请不能再办理。"
            case .new: "请先登记收到申请。"
            default: ""
            }
        }
    }

    /// A stored log that does not replay: which event, and why.
    public struct ReplayFailure: Error, Equatable, CustomStringConvertible {
        /// The event's position in the log (0-based), its name, and why it failed.
        public var index: Int
        public var event: RequestEventKind
        public var failure: Failure

        /// A failure at `index` of a log.
        public init(index: Int, event: RequestEventKind, failure: Failure) {
            self.index = index
            self.event = event
            self.failure = failure
        }

        /// "第N个事件（名称）：原因".
        public var description: String { "第\(index + 1)个事件（\(event.label)）：\(failure)" }
    }
}
