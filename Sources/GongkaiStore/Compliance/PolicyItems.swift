import GongkaiCore

/// Which items hold normative documents (规范性文件), whose records must carry 有效性 and a 解读.
/// Judged by the item's name or its parent's: catalogs name these columns 规范性文件. Our inference, kept narrow
/// on purpose (a 政策文件 column also holds forwarded laws, which need no 解读 of ours); a record labelled with
/// 有效性 counts as a policy wherever it is filed.
public enum PolicyItems {
    public static func holdsPolicies(_ item: ComplianceItem) -> Bool {
        let excluded = ["解读", "清理", "修改废止", "废止", "转发"]
        guard !excluded.contains(where: item.name.includes) else { return false }
        let parent = item.path.dropLast().last ?? ""
        return item.name.includes("规范性文件") || parent.includes("规范性文件")
    }
}
