/// Font substitutes for LibreOffice on Linux, where the Windows fonts an official document names (仿宋, 楷体,
/// 宋体, 黑体) are usually missing: fontconfig would then fall back to a sans font for all of them. This
/// configuration, given to LibreOffice through FONTCONFIG_FILE, keeps the system's and adds free fonts of
/// the same kind after each name (`accept`), so an installed original still wins.
enum LibreOfficeFonts {
    /// Serif for 宋体/仿宋 (there is no free 仿宋), 楷体 where AR PL fonts are installed, sans for 黑体.
    static let substitutes: [(names: [String], fonts: [String])] = [
        (["宋体", "SimSun", "方正小标宋简体", "方正小标宋_GBK", "仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312"],
         ["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "serif"]),
        (["楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312"],
         ["AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC", "Source Han Serif SC", "serif"]),
        (["黑体", "SimHei"], ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "sans-serif"]),
    ]

    /// A fonts.conf including the system's (`/etc/fonts/fonts.conf`).
    static func configuration(system: String = "/etc/fonts/fonts.conf") -> String {
        let aliases = substitutes.flatMap { names, fonts in
            names.map { name in
                XMLMarkup("alias", [("binding", "same")], [
                    XMLMarkup("family", text: name),
                    XMLMarkup("accept", [], fonts.map { XMLMarkup("family", text: $0) }),
                ])
            }
        }
        let root = XMLMarkup("fontconfig", [], [XMLMarkup("include", [("ignore_missing", "yes")], text: system)] + aliases)
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n" + root.rendered + "\n"
    }
}
