using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QaBot.Answering;
using QaBot.DiscordBot;
using QaBot.Generation;
using QaBot.Ingestion;
using QaBot.Retrieval;

namespace QaBot.Cli.Hosting;

/// <summary>
/// OpenTelemetry for QaBot's activity sources and meters (one per area: ingest, retrieval, answers, model
/// calls, Discord). Exported with OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other
/// <c>OTEL_*</c> variables, such as the protocol and headers, apply as the SDK defines them); off otherwise,
/// and then the instrumentation costs next to nothing because nobody listens.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name traces and metrics carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "qabot";

    public static IReadOnlyList<string> SourceNames { get; } =
        [IngestTelemetry.Name, RetrievalTelemetry.Name, AnsweringTelemetry.Name, GenerationTelemetry.SourceName, DiscordBotTelemetry.Name];

    public static IReadOnlyList<string> MeterNames { get; } =
        [IngestTelemetry.Name, RetrievalTelemetry.Name, AnsweringTelemetry.Name, GenerationMetrics.MeterName, DiscordBotTelemetry.Name];

    /// <summary>Registers the exporting SDK when <see cref="OtlpEndpointKey"/> is configured; otherwise nothing.</summary>
    public static IServiceCollection AddQaBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddQaBotSources())
            .WithMetrics(metrics => metrics.AddQaBotMeters())
            .UseOtlpExporter();
        return services;
    }

    public static TracerProviderBuilder AddQaBotSources(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // HttpClient's own spans (one per attempt) show the model's and embedding services' calls and retries.
        return builder.AddSource([.. SourceNames, "System.Net.Http"]);
    }

    public static MeterProviderBuilder AddQaBotMeters(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Polly's meter counts the resilience handler's retries, timeouts and circuit-breaker events.
        return builder.AddMeter([.. MeterNames, "Polly", "System.Net.Http"]);
    }

    /// <summary>
    /// The <c>OTEL_*</c> environment variables under their own names: the host reads only <c>QABOT__*</c>
    /// variables, and the OTLP exporter takes its settings from configuration.
    /// </summary>
    public static Dictionary<string, string?> EnvironmentSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
            {
                settings[key] = variable.Value as string;
            }
        }

        return settings;
    }
}
