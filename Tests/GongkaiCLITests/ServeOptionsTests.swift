import ArgumentParser
import GongkaiCLI
import Testing

extension CLITests {
    /// `serve --static-root` writes pages with absolute links, so it needs the address the public uses.
    @Suite struct ServeOptionsTests {
        @Test func staticPagesNeedThePublicOrigin() throws {
            let refused = [["--static-root", "/tmp/gongkai-static"],
                           ["--static-root", "/tmp/gongkai-static", "--public-origin", "xxgk.example.gov.cn"],
                           ["--static-root", "/tmp/gongkai-static", "--public-origin", "ftp://xxgk.example.gov.cn"],
                           ["--static-root", "/tmp/gongkai-static", "--public-origin", "https://xxgk.example.gov.cn/gk"],
                           ["--static-root", "", "--public-origin", "https://xxgk.example.gov.cn"],
                           ["--public-origin", "https://xxgk.example.gov.cn"]]
            for arguments in refused {
                #expect(throws: (any Error).self, "\(arguments)") { try GongkaiCommand.parseAsRoot(["serve"] + arguments) }
            }
            _ = try GongkaiCommand.parseAsRoot(["serve", "--static-root", "/tmp/gongkai-static", "--public-origin", "https://xxgk.example.gov.cn"])
            _ = try GongkaiCommand.parseAsRoot(["serve", "--static-root", "/tmp/gongkai-static", "--public-origin", "http://127.0.0.1:8081/"])
        }
    }
}
