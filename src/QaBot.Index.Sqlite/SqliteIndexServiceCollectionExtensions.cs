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
        services.AddValidatedOptions<DataOptions>(DataOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var data = Path.GetFullPath(sp.GetRequiredService<IOptions<DataOptions>>().Value.Path);
            Directory.CreateDirectory(data);
            return new SqliteChunkIndex(
                new SqliteIndexOptions { DatabasePath = Path.Combine(data, SqliteIndexOptions.FileName) },
                sp.GetService<Microsoft.Extensions.Logging.ILogger<SqliteChunkIndex>>());
        });
        services.AddSingleton<IChunkIndex>(sp => sp.GetRequiredService<SqliteChunkIndex>());
        services.AddSingleton(sp => new SqliteVectorIndex(sp.GetRequiredService<SqliteChunkIndex>()));
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<SqliteVectorIndex>());
        return services;
    }
}
