/// A typeface as Word names it: `latin` for ASCII text, `eastAsia` for Chinese characters. Word and WPS pick
/// the Chinese name on Chinese systems; `alternate` is written to the font table for programs without it.
public struct DocxFont: Hashable, Sendable {
    public var latin: String
    public var eastAsia: String
    public var alternate: String?
    /// Serif (宋体, 仿宋, 楷体) or sans (黑体): tells a program without the font what to substitute.
    public var isSerif: Bool

    public init(latin: String, eastAsia: String, alternate: String? = nil, isSerif: Bool = true) {
        self.latin = latin
        self.eastAsia = eastAsia
        self.alternate = alternate
        self.isSerif = isSerif
    }

    /// 宋体: titles (stands in for 方正小标宋简体, which most offices lack), page numbers.
    public static let song = DocxFont(latin: "SimSun", eastAsia: "宋体", alternate: "SimSun")
    /// 仿宋: body text (GB/T 9704: 3号仿宋体字).
    public static let fangSong = DocxFont(latin: "FangSong", eastAsia: "仿宋", alternate: "仿宋_GB2312")
    /// 黑体: first-level headings (一、).
    public static let hei = DocxFont(latin: "SimHei", eastAsia: "黑体", alternate: "SimHei", isSerif: false)
    /// 楷体: second-level headings (（一）).
    public static let kai = DocxFont(latin: "KaiTi", eastAsia: "楷体", alternate: "楷体_GB2312")

    static let all: [DocxFont] = [.song, .fangSong, .hei, .kai]
}

/// Chinese type sizes (字号) in points.
public enum DocxSize {
    /// 二号
    public static let two = 22.0
    /// 三号
    public static let three = 16.0
    /// 四号
    public static let four = 14.0
    /// 小四
    public static let smallFour = 12.0
    /// 五号
    public static let five = 10.5
    /// 小五
    public static let smallFive = 9.0
}

/// Lengths in the units OOXML uses.
enum DocxUnits {
    /// Twentieths of a point (twips), the unit of page sizes, margins, indents and spacing.
    static func twips(points: Double) -> Int { Int((points * 20).rounded()) }
    static func twips(millimetres: Double) -> Int { Int((millimetres / 25.4 * 1440).rounded()) }
    /// Half-points, the unit of font sizes.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }

    /// How many character widths `text` takes: Chinese and full-width characters one, others half.
    static func characterWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.5) }
    }
}
