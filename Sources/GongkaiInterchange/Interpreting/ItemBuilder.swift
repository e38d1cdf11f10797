import GongkaiCore

/// Turns a resolved row into a CatalogItem, parsing legal bases, channels, stages, audiences,
/// modes, tiers and responsible units, and warning about what is missing or cut off.
struct ItemBuilder {
    let sourceFile: String
    let unit: SourceUnit
    /// Names of the agency, to strip from "市医疗保障局高青分局办公室" → "办公室".
    let agencyNames: [String]
    /// When the catalog has no 责任主体 column the units come from 公开主体.
    let hasResponsibleColumn: Bool

    func build(_ row: LevelResolver.Resolved, diagnostics: inout [ImportDiagnostic]) -> CatalogItem {
        let record = row.record
        var item = CatalogItem(provenance: Provenance(sourceFile: sourceFile, unit: unit, first: record.first, last: record.last))
        var warnings: [(ImportDiagnostic.Kind, String)] = []
        func warn(_ kind: ImportDiagnostic.Kind, _ message: String) { warnings.append((kind, message)) }
        defer {
            for (kind, message) in warnings {
                diagnostics.append(.init(.warning, kind, first: record.first, last: record.last, message))
            }
        }
        item.content = record.value(.content)
        item.legalBasisText = record.value(.legalBasis)
        item.legalBases = LegalBasis.parseAll(item.legalBasisText)
        item.deadlineText = record.value(.deadline)
        item.deadlineRule = DeadlineParser.parse(item.deadlineText)
        item.publisher = record.value(.publisher)
        item.responsibleText = record.value(.responsible)
        let (units, notes) = ResponsibleUnits.split(hasResponsibleColumn ? item.responsibleText : item.publisher, agencyNames: agencyNames)
        item.responsibleUnits = units
        if !notes.isEmpty {
            diagnostics.append(.init(.inference, .responsibleSplit, first: record.first, last: record.last,
                "责任主体中的说明文字未作为科室：\(notes.joined(separator: "；"))"))
        }
        item.channelText = record.value(.channel)
        let channels = ChannelCell.read(item.channelText)
        item.channels = channels.marks
        if !channels.unmatched.isEmpty {
            warn(.unreadable, "公开渠道中有无法对应勾选框的文字：\(channels.unmatched.joined(separator: "、"))")
        }
        if channels.inferredFromText, !channels.marks.isEmpty {
            diagnostics.append(.init(.inference, .channelInferred, first: record.first, last: record.last,
                "公开渠道没有勾选框，按文字推断为：\(channels.marks.map(\.name).joined(separator: "、"))"))
        }
        let custom = channels.marks.filter { $0.standard == nil && $0.checked }.map(\.name)
        if !custom.isEmpty {
            diagnostics.append(.init(.inference, .nonStandardChannel, first: record.first, last: record.last,
                "非标准公开渠道按原文保留：\(custom.joined(separator: "、"))"))
        }
        item.stageText = record.value(.stage)
        if Stage.parse(item.stageText) == nil, item.stageText == row.path.first?.name {
            // A 过程 cell repeating the category name (carried down from a row that showed it) is no stage.
            item.stageText = ""
        }
        if !item.stageText.isEmpty {
            if let stages = Stage.parse(item.stageText) { item.stages = stages }
            else { warn(.unreadable, "“过程”列的“\(item.stageText)”不是决策/执行/管理/服务/结果，保留原文") }
        }
        item.audiences = Audience.parse(record.value(.audience))
        item.modes = Mode.parse(record.value(.mode))
        item.tiers = Tier.parse(record.value(.tier))
        item.updateFrequency = record.value(.updateFrequency)
        item.remarks = record.value(.remarks)
        if !record.doubts.isEmpty { item.doubts = record.doubts }

        if item.content.isEmpty { warn(.emptyValue, "公开内容为空") }
        if item.deadlineText.isEmpty { warn(.emptyValue, "公开时限为空") }
        for (field, text) in [(Field.content, item.content), (.legalBasis, item.legalBasisText), (.deadline, item.deadlineText)] {
            let open = Bracket.unclosed(in: text)
            if !open.isEmpty {
                warn(.incompleteText, "“\(field.label)”中的“\(String(open))”没有闭合，原文可能被截断：\(text.suffix(20))")
            }
        }
        return item
    }
}

/// Splits 责任主体 text into unit names on 、，,/ and line breaks. Pieces that are sentences rather
/// than names ("两个以上单位共同制作的政府信息") are returned as notes.
enum ResponsibleUnits {
    private static let unitSuffixes = ["科", "室", "局", "中心", "处", "办", "单位", "部门", "委", "股", "队", "所", "站", "组", "会",
                                       "院", "部", "校", "园", "馆"]

    static func split(_ text: String, agencyNames: [String]) -> (units: [String], notes: [String]) {
        var units: [String] = []
        var notes: [String] = []
        for piece in text.split(whereSeparator: { "、，,/／；;\n".contains($0) }) {
            var name = piece.trimmed
            guard !name.isEmpty else { continue }
            if name.count > 20 || !unitSuffixes.contains(where: { name.hasSuffix($0) }) {
                notes.append(name)
                continue
            }
            for agency in agencyNames where name.hasPrefix(agency) && name.count > agency.count {
                name.removeFirst(agency.count)
                break
            }
            if !units.contains(name) { units.append(name) }
        }
        return (units, notes)
    }
}

import Foundation
