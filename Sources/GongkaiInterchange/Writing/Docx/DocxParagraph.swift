/// A stretch of text with the same formatting. Unset values come from the paragraph's style.
public struct DocxRun: Hashable, Sendable {
    /// Line breaks ("\n") and tabs are kept as Word line breaks and tabs.
    public var text: String
    public var font: DocxFont?
    /// In points (see `DocxSize`).
    public var size: Double?
    public var bold: Bool

    public init(_ text: String, font: DocxFont? = nil, size: Double? = nil, bold: Bool = false) {
        self.text = text
        self.font = font
        self.size = size
        self.bold = bold
    }
}

/// One paragraph: a style, its runs, and the layout that differs from the style.
public struct DocxParagraph: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case left, center, right
        /// Both edges (两端对齐), the usual alignment of Chinese body text.
        case justified
    }

    /// The styles of `word/styles.xml`; Word and WPS show them by these names.
    public enum Style: String, Hashable, Sendable {
        /// 正文: 仿宋 三号, fixed 28pt lines.
        case body = "Normal"
        /// 标题: 宋体 二号 bold, centred.
        case title = "Title"
        /// 标题 1 (一、): 黑体 三号.
        case heading1 = "Heading1"
        /// 标题 2 (（一）): 楷体 三号.
        case heading2 = "Heading2"
        /// Text in table cells: single line spacing, size set by the table.
        case tableText = "TableText"

        /// The point size the style sets, which indents in characters are measured in.
        var size: Double {
            switch self {
            case .title: DocxSize.two
            case .body, .heading1, .heading2: DocxSize.three
            case .tableText: DocxSize.five
            }
        }
    }

    public var runs: [DocxRun]
    public var style: Style
    /// Nil: the style's alignment.
    public var alignment: Alignment?
    /// Indents in characters of the style's size (首行缩进2字符 = 2); a negative first-line indent hangs
    /// the first line out to the left of the others.
    public var firstLineIndent: Double
    public var leftIndent: Double
    public var rightIndent: Double
    /// Keeps the paragraph on the same page as the next one (headings, signature lines).
    public var keepWithNext: Bool

    public init(_ runs: [DocxRun], style: Style = .body, alignment: Alignment? = nil, firstLineIndent: Double = 0,
                leftIndent: Double = 0, rightIndent: Double = 0, keepWithNext: Bool = false) {
        self.runs = runs
        self.style = style
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.keepWithNext = keepWithNext
    }

    /// A paragraph of one run; an empty text gives an empty line.
    public init(_ text: String, style: Style = .body, alignment: Alignment? = nil, firstLineIndent: Double = 0,
                leftIndent: Double = 0, rightIndent: Double = 0, keepWithNext: Bool = false) {
        self.init(text.isEmpty ? [] : [DocxRun(text)], style: style, alignment: alignment, firstLineIndent: firstLineIndent,
                  leftIndent: leftIndent, rightIndent: rightIndent, keepWithNext: keepWithNext)
    }

    /// The text of all runs.
    public var text: String { runs.map(\.text).joined() }
}

/// What a document body is made of, in order.
public enum DocxBlock: Hashable, Sendable {
    case paragraph(DocxParagraph)
    case table(DocxTable)
    /// The following blocks start on a new page.
    case pageBreak
}
