using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core.Configuration;
using QaBot.Index.Sqlite;
using QaBot.Qdrant;

namespace QaBot.Cli.Hosting;

/// <summary>Which index holds the collection. Section <c>Index</c>.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary><c>embedded</c> (one SQLite file in Data:Path, the offline default) or <c>qdrant</c> (the server at Qdrant:Url).</summary>
    [RegularExpression("^(embedded|qdrant)$", ErrorMessage = "Use 'embedded' (the SQLite file in Data:Path) or 'qdrant' (the server at Qdrant:Url).")]
    public string Provider { get; set; } = "embedded";
}

public static class IndexRegistration
{
    /// <summary>Registers the index <c>Index:Provider</c> names; an unknown name fails start-up validation naming the key.</summary>
    public static IServiceCollection AddQaBotIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<IndexOptions>(IndexOptions.SectionName);
        return configuration[$"{IndexOptions.SectionName}:{nameof(IndexOptions.Provider)}"] == "qdrant" ? services.AddQdrantIndex() : services.AddSqliteIndex();
    }
}
