import Foundation
import GongkaiCore

/// The bundled holiday data, read from the source tree (GongkaiCore itself does no I/O).
enum TestCalendar {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let years: [HolidayYear] = {
        let directory = root.appendingPathComponent("Sources/GongkaiInterchange/Calendar/Holidays")
        let files = try! FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        return files.filter { $0.pathExtension == "json" }
            .map { try! JSONDecoder().decode(HolidayYear.self, from: Data(contentsOf: $0)) }
    }()

    static let calendar = WorkingCalendar(years)

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }
}

/// A small seeded generator so property tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
