import ArgumentParser

/// `gongkai`: the command-line entry to every Gongkai job.
public struct GongkaiCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai 政务公开系统：主动公开目录、公开时限、发布与年报。",
        subcommands: [DemoCommand.self, ImportCommand.self, CheckCommand.self, CatalogsCommand.self, CatalogCommand.self, ShowCommand.self, ExportCommand.self,
                      DeadlineCommand.self, WorkdaysCommand.self, CalendarCommand.self, ReparseCommand.self, ServeCommand.self,
                      AuditCommand.self, BenchCommand.self, RequestsCommand.self, ReportCommand.self, TokenCommand.self,
                      BackupCommand.self, RestoreCommand.self, MigrateCommand.self]
    )

    public init() {}
}

extension GongkaiCommand {
    /// Entry point for the executable; in an async context this picks ArgumentParser's async `main`.
    public static func runFromCommandLine() async {
        await main()
    }
}
