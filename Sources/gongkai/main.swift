import GongkaiCLI

await GongkaiCommand.runFromCommandLine()
