import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns file bytes into text: UTF-8 first, then GB18030, which many bureaus' Windows tools and gb2312/gbk
/// web pages still write. A page's `<meta charset>` is not trusted over its bytes: pages re-saved as UTF-8
/// keep their old gb2312 tag, while GBK text of any length is never valid UTF-8.
/// A UTF-16 byte-order mark (Excel's "Unicode 文本", Word's Unicode web pages) decides by itself.
enum TextDecoding {
    static func decode(_ data: Data, fileName: String) throws -> (text: String, encoding: String) {
        var bytes = [UInt8](data)
        if let (text, encoding) = decodeUTF16(bytes) {
            guard text.contains(where: { !$0.isWhitespace }) else { throw ImportError.emptyFile(fileName) }
            return (text, encoding)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.contains(where: { !isBlankByte($0) }) else { throw ImportError.emptyFile(fileName) }
        if looksBinary(bytes) { throw ImportError.binary(fileName) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
        if let text = decodeGB18030(bytes) { return (text, "GB18030") }
        throw ImportError.undecodable(fileName)
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> (String, String)? {
        let little = bytes.starts(with: [0xFF, 0xFE])
        guard little || bytes.starts(with: [0xFE, 0xFF]) else { return nil }
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
            little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        return (String(decoding: units, as: UTF16.self), little ? "UTF-16LE" : "UTF-16BE")
    }

    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// NUL bytes or many control characters mean this is not text in any encoding we accept.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x20 && !isBlankByte($0) && $0 != 0x0C }.count
        return controls * 20 > sample.count
    }

    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                if result == -1 || inLeft != 0 { return false }
                let written = outBuf.count - outLeft
                outBuf[written] = 0
                return true
            }
        }
        guard ok else { return nil }
        let text = output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return text
        #else
        return nil
        #endif
    }
}
