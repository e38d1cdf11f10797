/// Why a document could not be produced. Every case renders a Chinese message for staff.
public enum DocumentExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The .docx package could not be assembled.
    case packaging(String)
    /// PDF needs LibreOffice, which is not installed; `package` is the Debian package to install.
    case needsLibreOffice(package: String)
    case conversionFailed(reason: String)

    public var description: String {
        switch self {
        case .packaging(let reason): "无法生成 Word 文件：\(reason)"
        case .needsLibreOffice(let package):
            "生成 PDF 需要安装 LibreOffice（Debian 软件包 \(package)）；也可以下载 Word 文件，在 Word 或 WPS 中另存为 PDF。"
        case .conversionFailed(let reason): "无法用 LibreOffice 把 Word 文件转换为 PDF：\(reason)。"
        }
    }
}
