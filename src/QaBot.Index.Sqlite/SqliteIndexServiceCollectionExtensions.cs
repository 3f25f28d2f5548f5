using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;

namespace QaBot.Index.Sqlite;

public static class SqliteIndexServiceCollectionExtensions
{
    /// <summary>Registers the embedded index: one SQLite file, <c>index.db</c>, in the data folder (<c>Data:Path</c>).</summary>
    public static IServiceCollection AddSqliteIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataOptions();
        services.AddSingleton(sp =>
        {
            // The folder is created by the first write, not here: a read-only command must not need a writable folder.
            var data = Path.GetFullPath(sp.GetRequiredService<IOptions<DataOptions>>().Value.Path);
            return new SqliteChunkIndex(
                new SqliteIndexOptions
                {
                    DatabasePath = Path.Combine(data, SqliteIndexOptions.FileName),
                    ReadOnly = sp.GetService<IOptions<SqliteIndexAccess>>()?.Value.ReadOnly ?? false,
                },
                sp.GetService<Microsoft.Extensions.Logging.ILogger<SqliteChunkIndex>>());
        });
        services.AddSingleton<IChunkIndex>(sp => sp.GetRequiredService<SqliteChunkIndex>());
        services.AddSingleton(sp => new SqliteVectorIndex(sp.GetRequiredService<SqliteChunkIndex>()));
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<SqliteVectorIndex>());
        services.AddSingleton<IIngestProgressStore>(sp => new SqliteIngestProgressStore(sp.GetRequiredService<SqliteChunkIndex>()));
        return services;
    }

    /// <summary>
    /// Opens the embedded index read-only (for commands that only ask): it can then live on a read-only
    /// volume. Harmless when another index is configured.
    /// </summary>
    public static IServiceCollection UseReadOnlySqliteIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<SqliteIndexAccess>(access => access.ReadOnly = true);
        return services;
    }
}

/// <summary>How the commands of this process use the embedded index.</summary>
public sealed class SqliteIndexAccess
{
    /// <summary>See <see cref="SqliteIndexOptions.ReadOnly"/>.</summary>
    public bool ReadOnly { get; set; }
}
