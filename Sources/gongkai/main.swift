#if canImport(Glibc)
import Glibc
#endif
import GongkaiCLI

// Line-buffered stdout, so progress and server banners appear at once when piped to a log.
nonisolated(unsafe) let standardOutput = stdout
setvbuf(standardOutput, nil, _IOLBF, 0)
await GongkaiCommand.runFromCommandLine()
