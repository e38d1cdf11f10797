import Foundation

/// One wrk run: requests per second, the 99th percentile latency as wrk prints it ("3.21ms"), requests in all.
struct WrkRun {
    var rate: Double
    var p99: String
    var requests: Int
}

/// CPU time of server processes, read from /proc, so that a benchmark says what each request costs the server
/// whatever else the machine is doing (wrk shares its cores): throughput alone moves with the load.
enum ProcessCPU {
    /// The CPU time the processes used during `run`, divided by the requests it made, in microseconds.
    static func perRequest(_ processes: [Int32], _ run: () throws -> WrkRun) throws -> (run: WrkRun, microseconds: Double) {
        let before = processes.map(seconds).reduce(0, +)
        let result = try run()
        let used = processes.map(seconds).reduce(0, +) - before
        return (result, result.requests > 0 ? used / Double(result.requests) * 1_000_000 : 0)
    }

    /// User and system time of one process (fields 14 and 15 of /proc/PID/stat), in seconds; 0 if it is gone.
    static func seconds(_ process: Int32) -> Double {
        guard let fields = statFields(process), fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The processes whose parent is `parent` (nginx's workers).
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { process in
            guard let fields = statFields(process), fields.count > 1 else { return false }
            return Int32(fields[1]) == parent
        }
    }

    /// The fields of /proc/PID/stat after the name (field 3 on); nil when the process is gone.
    private static func statFields(_ process: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // The name in parentheses may hold spaces; the fields after it are plain.
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
