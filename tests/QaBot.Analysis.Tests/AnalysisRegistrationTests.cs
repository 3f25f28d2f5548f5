using Microsoft.Extensions.DependencyInjection;
using QaBot.Core;

namespace QaBot.Analysis.Tests;

public sealed class AnalysisRegistrationTests
{
    [Fact]
    public void AddQaBotAnalysis_CalledTwice_OneTermAnalysisVersionThatIsTheAnalyzers()
    {
        using var services = new ServiceCollection().AddQaBotAnalysis().AddQaBotAnalysis().BuildServiceProvider();

        var version = Assert.Single(services.GetServices<TermAnalysisVersion>());
        Assert.Equal(TextAnalyzer.Version, version.Value);
    }
}
