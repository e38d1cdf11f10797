/// One arithmetic check of the annual report: its Chinese name, whether it holds, the cells it failed on and why.
/// Encoded as `{"name", "ok", "cells", "explanation"}` for `gongkai report --json`.
public struct ReportCheck: Codable, Sendable, Equatable {
    /// What is checked, in Chinese (e.g. "表三勾稽关系（自然人）").
    public var name: String
    public var ok: Bool
    /// Ids of the cells that break the rule; empty when `ok`.
    public var cells: [String]
    /// The rule and, when it fails, the figures, in Chinese.
    public var explanation: String

    public init(name: String, ok: Bool, cells: [String] = [], explanation: String) {
        self.name = name
        self.ok = ok
        self.cells = cells
        self.explanation = explanation
    }

    /// A check that fails on `cells` (none means it holds) with `failure` as explanation, or `rule` when it holds.
    static func make(_ name: String, rule: String, failing cells: [String], failure: @autoclosure () -> String) -> ReportCheck {
        cells.isEmpty ? ReportCheck(name: name, ok: true, explanation: rule)
            : ReportCheck(name: name, ok: false, cells: cells, explanation: rule + "。" + failure())
    }
}
