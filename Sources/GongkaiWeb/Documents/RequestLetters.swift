import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Hummingbird

/// The response letter (政府信息公开申请答复书) of an answered request as .docx or PDF (LibreOffice headless).
/// Assumption: agencies have no configured 行政复议机关 yet, so the remedy notice names “本级人民政府”.
struct RequestLetters: Sendable {
    let directory: AgencyDirectory
    let calendar: WorkingCalendar

    static let reviewBody = "本级人民政府"

    var isAvailable: Bool { true }

    /// The letter of an answered request; nil before the answer.
    func letter(_ stored: StoredRequest) async throws -> ResponseLetter? {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        guard let answer = state.answer, let received = state.receivedOn else { return nil }
        let agency = try await directory.agency(id: stored.agencyID)?.name ?? ""
        let outcome = answer.outcome
        // The agency's own words first, one paragraph per blank-line-separated block, then the legal basis.
        var reasoning = answer.text.components(separatedBy: "\n\n").map(\.trimmed).filter { !$0.isEmpty }
        if !answer.legalBasis.isEmpty { reasoning.append("根据\(answer.legalBasis)的规定，作出上述答复。") }
        let provides = [.disclosed, .partiallyDisclosed].contains(outcome)
        let delivery = provides ? [stored.request.formRequirement, stored.delivery].filter { !$0.isEmpty }.joined(separator: "，") : ""
        let fee = state.fee.map { "根据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号），本申请\($0.method.label)信息处理费\($0.amount)元。" }
        return ResponseLetter(agency: agency, letterNumber: stored.letterNumber ?? "", applicant: stored.request.applicant.name,
                              requestCode: stored.code, received: received, requestDescription: stored.request.requestedInformation,
                              outcome: outcome.label, reasoning: reasoning, delivery: delivery.isEmpty ? nil : delivery, feeNotice: fee,
                              reviewBody: Self.reviewBody, date: answer.on)
    }

    func download(_ stored: StoredRequest, format: String) async throws -> Response {
        guard let letter = try await letter(stored) else { throw WebError.notFound("答复书") }
        let data: Data, type: String, ext: String
        switch format {
        case "docx":
            (data, type, ext) = (try ResponseLetterWriter.docx(letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
        case "pdf":
            do {
                data = try ResponseLetterWriter.pdf(letter)
            } catch {
                throw WebError(status: .serviceUnavailable, message: "暂时无法生成 PDF（\(error)），请下载 Word 版本。")
            }
            (type, ext) = ("application/pdf", "pdf")
        default: throw WebError.badRequest("格式应为 docx 或 pdf。")
        }
        let name = "答复书-\(stored.code).\(ext)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "letter.\(ext)"
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"letter-\(stored.code).\(ext)\"; filename*=UTF-8''\(name)",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
