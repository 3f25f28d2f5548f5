namespace QaBot.Ingestion.Tests.Reading;

/// <summary>
/// A stray <c>&lt;head&gt;</c> before every character of a page (issue 15: 400k of them took 92 s). Each
/// one is a parse error the HTML5 parser ignores, so the characters join one text node; building that
/// node by repeated concatenation would copy it once per character, quadratic in the page. The work is
/// measured as bytes allocated on this thread (deterministic, unlike a clock): linear reading allocates a
/// small multiple of the page, quadratic reading of this page hundreds of times more.
/// </summary>
public sealed class HtmlLinearityTests
{
    private const int Repetitions = 100_000;

    [Fact]
    public void Parse_HeadTagBeforeEveryCharacter_ExpectedTextWithWorkLinearInThePage()
    {
        // Arrange: 700 KB of markup.
        var html = "<html><body><p>Start.</p>" + string.Concat(Enumerable.Repeat("<head>x", Repetitions)) + "</body></html>";
        ParserRunner.Parse("warm-up.html", "<html><body><p>Warm.</p><head>x<head>y</body></html>");
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Act
        var article = ParserRunner.Parse("heads.html", html);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(["Start.", new string('x', Repetitions)], article.Blocks.Select(b => b.Text));
        // 64 bytes per source character: about 12 are used (UTF-8 and UTF-16 copies, source offsets); concatenating
        // the text node character by character would allocate about 14,000 (2 bytes × 100,000² / 2 over 700,000).
        Assert.True(allocated < 64L * html.Length, $"{allocated:N0} bytes allocated for {html.Length:N0} characters of HTML");
    }
}
