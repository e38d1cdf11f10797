import GongkaiCore
import Testing

/// Inputs the fuzzer (scripts/fuzz body) found to get markup through the escaping of record bodies.
@Suite struct BodyFuzzRegressionTests {
    /// `<` or `"` followed by a combining mark is one Swift Character equal to neither; escaping by Character let
    /// it through raw, and a browser reads the `<` or the quote (an attribute could be closed with `"\u{301}`).
    @Test func combiningMarkAfterMarkupCharacter() {
        #expect("<\u{301}script>".escapingHTML == "&lt;\u{301}script&gt;")
        #expect("\"\u{301} onload=x '\u{301}".escapingHTML == "&quot;\u{301} onload=x &#39;\u{301}")
        #expect("&\u{20DD}".escapingHTML == "&amp;\u{20DD}")
        #expect(RecordBody.html("<\u{301}b>") == "<p>&lt;\u{301}b&gt;</p>")
        #expect(RecordBody.html("- <\u{301}li>\n\n# <\u{301}h1>") == "<ul><li>&lt;\u{301}li&gt;</li></ul><h2>&lt;\u{301}h1&gt;</h2>")
    }
}
