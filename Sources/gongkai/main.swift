#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import GongkaiCLI

#if canImport(Glibc)
// Line-buffered stdout, so progress and server banners appear at once when piped to a log.
setvbuf(stdout, nil, _IOLBF, 0)
#endif
await GongkaiCommand.runFromCommandLine()
