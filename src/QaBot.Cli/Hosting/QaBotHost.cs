using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaBot.Answering;
using QaBot.Embeddings;
using QaBot.Evaluation;
using QaBot.Generation;
using QaBot.Ingestion;
using QaBot.Retrieval;

namespace QaBot.Cli.Hosting;

/// <summary>
/// Builds the generic host every command runs in. Configuration, last wins: appsettings.json next to the
/// program, appsettings.json in the working directory, QABOT__* environment variables, command-line options.
/// </summary>
public static class QaBotHost
{
    /// <param name="configureServices">Changes to the registrations, applied last (the bench swaps components).</param>
    /// <param name="settings">Configuration that wins over every other source (the bench points each run at its own folders).</param>
    public static IHost Build(ParseResult parseResult, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("QABOT__")
            .AddInMemoryCollection(TelemetryRegistration.EnvironmentSettings())
            .AddInMemoryCollection(CommandLineOverrides(parseResult))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= (verbose ? LogLevel.Debug : LogLevel.Warning));
        // Start-up failures are reported by the command in one clear line; the host's stack trace only with --verbose.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", verbose ? LogLevel.Debug : LogLevel.None);
        // The resilience handler's own retry warnings repeat QaBot's (which name the service); they show with --verbose.
        builder.Logging.AddFilter("Polly", verbose ? LogLevel.Debug : LogLevel.Error);
        // All logs go to standard error, so answers on standard output stay clean for scripts.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services
            .AddQaBotIndex(builder.Configuration)
            .AddQaBotEmbeddings(builder.Configuration)
            .AddQaBotIngestion()
            .AddQaBotRetrieval()
            .AddQaBotAnswering()
            .AddQaBotGeneration()
            .AddSingleton<ISourceLanguageLookup, IndexSourceLanguageLookup>()
            .AddSingleton<Evaluator>()
            .AddSingleton<IndexBootstrapper>()
            // Not known until the bootstrapper has looked at the index: a front end started first treats it as still indexing.
            .AddSingleton(new Core.IndexStateTracker(new Core.IndexState(Core.IndexPhase.Ingesting)))
            .AddSingleton<Core.IIndexState>(sp => sp.GetRequiredService<Core.IndexStateTracker>())
            .AddQaBotTelemetry(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        // Last, so it wraps every logger provider: no log line carries a configured secret or a key-shaped token.
        builder.Services.AddSecretRedaction(builder.Configuration);
        return builder.Build();
    }

    private static Dictionary<string, string?> CommandLineOverrides(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parseResult.GetValue(GlobalOptions.Config) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--config expects KEY=VALUE, got '{pair}'.");
            }

            overrides[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        if (parseResult.GetValue(GlobalOptions.Corpus) is { } corpus)
        {
            overrides["Corpus:Path"] = corpus;
        }

        if (parseResult.GetValue(GlobalOptions.Data) is { } data)
        {
            overrides["Data:Path"] = data;
        }

        return overrides;
    }
}
