using QaBot.Generation.Claims;

namespace QaBot.Generation.Tests.Claims;

public sealed class ClaimReaderTests
{
    [Theory]
    [InlineData("Funds total 1.2 billion yuan.", "en")]
    [InlineData("Die Fonds umfassen 1,2 Mrd. Yuan.", "de")]
    [InlineData("基金总额达12亿元。", "zh")]
    [InlineData("基金总额达十二亿元。", "zh")]
    [InlineData("Die Fonds umfassen 1,2 Milliarden Yuan.", "de")]
    public void Numbers_OneAmountInThreeLanguages_SameValue(string text, string language)
    {
        var number = Assert.Single(ClaimReader.Numbers(text, language));

        Assert.Contains(number.Values, v => Math.Abs(v - 1.2e9) < 1);
    }

    [Theory]
    [InlineData("Revenue reached $65bn.", "en", 65e9)]
    [InlineData("营收达到650亿美元。", "zh", 65e9)]
    [InlineData("Der Umsatz lag bei 3 Billionen Euro.", "de", 3e12)]
    [InlineData("Revenue was 3 trillion dollars.", "en", 3e12)]
    [InlineData("Shares rose 239%.", "en", 239)]
    [InlineData("Die Aktie stieg um 239 Prozent.", "de", 239)]
    public void Numbers_MoneyAndPercentages_ReadByAmount(string text, string language, double expected)
    {
        var number = Assert.Single(ClaimReader.Numbers(text, language));

        Assert.Contains(number.Values, v => Math.Abs(v - expected) < 1e-6 * expected);
    }

    [Fact]
    public void Numbers_OneSeparatorThenThreeDigits_ReadBothWays()
    {
        var number = Assert.Single(ClaimReader.Numbers("over 220,000 enterprises", "en"));

        Assert.Contains(220_000.0, number.Values);
        Assert.Contains(220.0, number.Values);
    }

    [Fact]
    public void Numbers_LoneChineseNumeralWord_IsNotAClaim()
    {
        Assert.Empty(ClaimReader.Numbers("这是一个统一的平台。", "zh"));
    }

    [Theory]
    [InlineData("It opened in March 2024.")]
    [InlineData("Es öffnete im März 2024.")]
    [InlineData("它于2024年3月开业。")]
    public void Months_ThreeLanguages_SameMonth(string text)
    {
        Assert.Equal([3], ClaimReader.Months(text));
    }

    [Fact]
    public void Months_LowerCaseModalVerb_IsNoMonth()
    {
        Assert.Empty(ClaimReader.Months("The package may march on."));
    }

    [Theory]
    [InlineData("Shares of Nvidia rose as OpenAI grew.", "en", new[] { "Nvidia", "OpenAI" })]
    [InlineData("Shares of Nvidia's rival fell.", "en", new[] { "Nvidia" })]
    [InlineData("The company grew in March.", "en", new string[0])]
    [InlineData("英伟达的GPU供不应求。", "zh", new[] { "GPU" })]
    [InlineData("Die Firma baut Chips mit GPT-4.", "de", new[] { "GPT-4" })]
    public void Names_SentencesInThreeLanguages_NamesNotOrdinaryWords(string sentence, string language, string[] expected)
    {
        Assert.Equal(expected, ClaimReader.Names(sentence, language));
    }
}
