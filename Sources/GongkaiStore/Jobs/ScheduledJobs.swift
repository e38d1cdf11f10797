import Foundation
import GongkaiCore
import Logging
import Metrics

/// The periodic work of `gongkai serve`, run only by the job leader (JobLeader), so once across instances:
/// - `scheduled-publication`: scheduled publications whose time has come, and anything else waiting in
///   `search_pending`, enter the search index (searches also drain it; this keeps the queue short between them);
/// - `compliance-sweep`: the compliance monitor over every agency, logging its findings and the obligations due
///   soon (the 即将到期 the dashboard and the departments' calendar feeds show).
public struct ScheduledJobs: Sendable {
    public struct Job: Sendable {
        public let name: String
        public let interval: Duration
        public let body: @Sendable () async throws -> String
    }

    public let jobs: [Job]
    let leader: JobLeader
    let logger: Logger

    public init(database: GongkaiDatabase, calendar: WorkingCalendar, leader: JobLeader, logger: Logger,
                publicationInterval: Duration = .seconds(10), sweepInterval: Duration = .seconds(3600)) {
        self.leader = leader
        self.logger = logger
        jobs = [
            Job(name: "scheduled-publication", interval: publicationInterval) {
                try await SearchIndexer.indexDue(in: database)
                return "search queue drained"
            },
            Job(name: "compliance-sweep", interval: sweepInterval) {
                let report = try await ComplianceSweep(database: database, calendar: calendar).run(at: CivilDate(localDate: Date()))
                let dueSoon = report.obligations.filter { $0.state == .dueSoon }.count
                let overdue = report.obligations.filter { $0.state == .overdue }.count
                return "findings \(report.findings.count), due soon \(dueSoon), overdue \(overdue)"
            },
        ]
    }

    /// Runs each job at its interval while this instance leads, until the task is cancelled. A new leader runs
    /// every job at once (the one that died may have been in the middle of one).
    public func run() async {
        var next: [String: ContinuousClock.Instant] = [:]
        var leading = false
        while !Task.isCancelled {
            let leads = await leader.isLeader
            if leads && !leading { next = [:] }
            leading = leads
            if leads {
                for job in jobs where next[job.name].map({ $0 <= ContinuousClock.now }) ?? true {
                    next[job.name] = ContinuousClock.now + job.interval
                    let started = ContinuousClock.now
                    // Both series exist from the first run on, so a job that never failed shows 0 failures.
                    let runs = Counter(label: "gongkai_job_runs_total", dimensions: [("job", job.name)])
                    let failures = Counter(label: "gongkai_job_failures_total", dimensions: [("job", job.name)])
                    do {
                        let outcome = try await job.body()
                        logger.info("job ran", metadata: ["job": "\(job.name)", "instance": "\(leader.instance)", "outcome": "\(outcome)",
                                                          "took": "\(ContinuousClock.now - started)"])
                    } catch {
                        failures.increment()
                        logger.warning("job failed", metadata: ["job": "\(job.name)", "instance": "\(leader.instance)", "error": "\(error)"])
                    }
                    runs.increment()
                }
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }
}
