import GongkaiCore

/// Why a file could not be imported at all. Every case renders a Chinese message for staff.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyFile(String)
    case binary(String)
    case undecodable(String)
    case notACatalog(String, reason: String)
    case damagedOffice(String, format: String)
    case unsupported(String, format: String)
    case unreadable(String, reason: String)
    /// The file ends before its content does (a page saved or downloaded incompletely).
    case truncated(String, format: String, reason: String)
    /// An old binary format that only LibreOffice can convert, and it is not installed.
    case needsLibreOffice(String, format: String, package: String)
    case conversionFailed(String, format: String, reason: String)
    /// A format read with a command-line tool (poppler's pdftotext for PDF) that is not installed.
    case needsTool(String, format: String, tool: String, package: String)

    public var description: String {
        switch self {
        case .emptyFile(let file): "“\(file)”是空文件，没有可导入的内容。"
        case .binary(let file): "“\(file)”不是文本、Excel 或 Word 文件（看起来是二进制数据），无法导入。"
        case .undecodable(let file): "“\(file)”的文字编码无法识别（已尝试 UTF-8 和 GB18030），请另存为 UTF-8 文本后再导入。"
        case .notACatalog(let file, let reason): "“\(file)”中没有找到主动公开基本目录表格：\(reason)"
        case .damagedOffice(let file, let format): "“\(file)”不是完整的 \(format) 文件（可能已损坏或未下载完整），无法打开。"
        case .unsupported(let file, let format): "“\(file)”是 \(format) 格式，暂不支持；请另存为 .xlsx、.docx、.csv 或文本后导入。"
        case .unreadable(let file, let reason): "无法读取“\(file)”：\(reason)"
        case .truncated(let file, let format, let reason):
            "“\(file)”不是完整的\(format)文件：\(reason)。文件可能没有保存或下载完整，请重新保存后再导入；未导入任何内容。"
        case .needsLibreOffice(let file, let format, let package):
            "“\(file)”是 \(format) 格式，需要安装 LibreOffice（Debian 软件包 \(package)）才能转换导入；"
                + "也可以在 Word 或 WPS 中另存为 .docx/.xlsx 后导入。"
        case .needsTool(let file, let format, let tool, let package):
            "“\(file)”是 \(format) 格式，需要安装 \(tool)（Debian 软件包 \(package)）才能读取；也可以向发布单位索取 Word/Excel 版本后导入。"
        case .conversionFailed(let file, let format, let reason):
            "“\(file)”（\(format)）无法用 LibreOffice 转换：\(reason)。文件可能已损坏；请在 Word 或 WPS 中打开并另存为 .docx/.xlsx 后导入。"
        }
    }
}
