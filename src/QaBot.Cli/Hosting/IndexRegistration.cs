using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;
using QaBot.Index.Sqlite;
using QaBot.Index.Qdrant;

namespace QaBot.Cli.Hosting;

/// <summary>The values of <c>Index:Provider</c>.</summary>
[TypeConverter(typeof(ConfigurationEnumConverter<IndexProvider>))]
public enum IndexProvider
{
    /// <summary>One SQLite file in Data:Path, the offline default.</summary>
    Embedded,

    /// <summary>The Qdrant server at Qdrant:Url.</summary>
    Qdrant,
}

/// <summary>Which index holds the collection. Section <c>Index</c>.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary><c>embedded</c> (one SQLite file in Data:Path, the offline default) or <c>qdrant</c> (the server at Qdrant:Url).</summary>
    [EnumDataType(typeof(IndexProvider))]
    public IndexProvider Provider { get; set; } = IndexProvider.Embedded;
}

/// <summary>The data annotations of <see cref="IndexOptions"/>, checked by generated code.</summary>
[OptionsValidator]
public sealed partial class IndexOptionsValidator : IValidateOptions<IndexOptions>
{
}

public static class IndexRegistration
{
    /// <summary>
    /// Registers the index <c>Index:Provider</c> names. An unknown name registers the embedded one here and then
    /// fails at start-up, when the section is bound, with one line naming the key, the value and the allowed values.
    /// </summary>
    public static IServiceCollection AddQaBotIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<IndexOptions, IndexOptionsValidator>(IndexOptions.SectionName);
        var named = ConfigurationNames.TryParse<IndexProvider>(configuration[$"{IndexOptions.SectionName}:{nameof(IndexOptions.Provider)}"], out var provider);
        return named && provider == IndexProvider.Qdrant ? services.AddQdrantIndex() : services.AddSqliteIndex();
    }
}
