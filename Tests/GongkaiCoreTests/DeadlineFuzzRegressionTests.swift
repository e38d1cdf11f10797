import GongkaiCore
import Testing

/// Inputs the fuzzer (scripts/fuzz deadline) found to crash or hang the 公开时限 parser.
@Suite struct DeadlineFuzzRegressionTests {
    /// A number too long for an Int before 日内 crashed `RelativeParser` (force-unwrapped Int parse).
    @Test func numberLongerThanAnInt() {
        let rule = DeadlineParser.parse("信息形成之日起99999999999999999999个工作日内公开")
        #expect(rule.kind != .relative)
        #expect(DeadlineParser.parse("99999999999999999999日内").kind == .unparsed)
    }
}
