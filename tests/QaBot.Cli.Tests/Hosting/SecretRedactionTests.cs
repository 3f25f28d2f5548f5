using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaBot.Cli.Hosting;

namespace QaBot.Cli.Tests.Hosting;

public sealed class SecretRedactionTests
{
    [Fact]
    public void AddSecretRedaction_ServerEchoesConfiguredKey_LoggedLineHasOnlyTheMask()
    {
        // Arrange
        var sink = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:ApiKey"] = "sk-abc123secretvalue", ["Discord:Token"] = "plain-discord-token-value" })
            .Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(sink));
        services.AddSecretRedaction(configuration);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Chat");

        // Act
        logger.LogWarning("Chat server answered 401: {Body}", "Incorrect API key provided: Bearer sk-abc123secretvalue");
        logger.LogError(new HttpRequestException("500 from gateway for plain-discord-token-value"), "Discord call failed");

        // Assert
        Assert.Equal(
            ["Chat server answered 401: Incorrect API key provided: Bearer ***", "Discord call failed" + Environment.NewLine + "System.Net.Http.HttpRequestException: 500 from gateway for ***"],
            sink.Lines);
        Assert.All(sink.Exceptions, e => Assert.Null(e));
    }

    [Fact]
    public void CreateRedactor_EveryConfiguredSecretKey_Masked()
    {
        // Arrange
        var values = SecretRedaction.SecretKeys.ToDictionary(key => key, key => (string?)("value-of-" + key));
        var redactor = SecretRedaction.CreateRedactor(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        // Act / Assert
        Assert.All(SecretRedaction.SecretKeys, key => Assert.Equal("[***]", redactor.Redact("[value-of-" + key + "]")));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public List<Exception?> Exceptions { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add(formatter(state, exception));
            Exceptions.Add(exception);
        }

        public void Dispose()
        {
        }
    }
}
