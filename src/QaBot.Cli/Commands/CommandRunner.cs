using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Index.Sqlite;

namespace QaBot.Cli.Commands;

/// <summary>Exit codes a script can rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    /// <summary>A configuration value is missing or wrong; the message names the key and how to set it.</summary>
    public const int ConfigurationError = 2;

    /// <summary>The command line is wrong (an unknown command or option, a value out of range): configuration given on the command line.</summary>
    public const int UsageError = ConfigurationError;
    public const int SomeFilesFailed = 3;

    /// <summary>The embedded index cannot be used: damaged, not a QaBot index, too new, read-only where a write was needed, disk full.</summary>
    public const int IndexUnusable = 4;

    /// <summary>An ingest fails only for a file that failed; warnings (a vanished file, a skipped link) keep 0.</summary>
    public static int ForIngest(Ingestion.Sync.IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.HasFailures ? SomeFilesFailed : Success;
    }
}

/// <summary>
/// Starts the host (which validates every options class), runs a command's body and turns the errors a user
/// can fix (bad configuration, a missing folder or file, an unusable index) into one clear line and an exit code. Every line
/// goes through the host's <see cref="Core.SecretRedactor"/>: an error echoed by a server may hold a key.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parseResult, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var redactor = Core.SecretRedactor.ShapesOnly;
        IHost? host = null;
        try
        {
            host = Hosting.QaBotHost.Build(parseResult, configureServices);
            redactor = host.Services.GetService<Core.SecretRedactor>() ?? redactor;
            await host.StartAsync(cancellationToken);
            try
            {
                return await body(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (SqliteIndexException exception)
        {
            await Console.Error.WriteLineAsync("Error: " + redactor.Redact(exception.Message));
            return ExitCodes.IndexUnusable;
        }
        catch (SqliteException exception) when (IndexPath(host) is { } path && SqliteIndexException.FromSqlite(exception, path) is { } translated)
        {
            // The file failed in the middle of a command (disk full, damage found while reading): still one line.
            await Console.Error.WriteLineAsync("Error: " + redactor.Redact(translated.Message));
            return ExitCodes.IndexUnusable;
        }
        catch (OptionsValidationException exception)
        {
            // One line per failure, each naming its own key and how to set that key.
            foreach (var failure in exception.Failures.Distinct(StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync("Configuration error: " + redactor.Redact(Hosting.ConfigurationKeyHint.Explain(failure)));
            }

            return ExitCodes.ConfigurationError;
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException format)
        {
            // The configuration binder could not convert a value ("Chat:Provider=foo", "Embeddings:Pooling=max").
            await Console.Error.WriteLineAsync("Configuration error: " + redactor.Redact(ConfigurationBindingFailure.Describe(exception, format)));
            return ExitCodes.ConfigurationError;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException
            or Core.EmbeddingModelMismatchException or Embeddings.EmbeddingServiceException or Embeddings.Models.ModelDownloadException)
        {
            await Console.Error.WriteLineAsync("Error: " + redactor.Redact(exception.Message));
            return ExitCodes.Error;
        }
        catch (Index.Qdrant.QdrantException exception)
        {
            // Unreachable server, refused API key, a collection made for another configuration: the message says what to fix.
            await Console.Error.WriteLineAsync("Error: " + redactor.Redact(exception.Message));
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Error;
        }
        finally
        {
            host?.Dispose();
        }
    }

    /// <summary>The embedded index's file, when that is the index in use.</summary>
    private static string? IndexPath(IHost? host)
    {
        try
        {
            return host?.Services.GetService<SqliteChunkIndex>()?.DatabasePath;
        }
        catch (Exception exception) when (exception is OptionsValidationException or ObjectDisposedException)
        {
            return null;
        }
    }

    public static T Get<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
