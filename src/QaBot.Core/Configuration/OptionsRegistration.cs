using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QaBot.Core.Configuration;

/// <summary>Binds an options class to its configuration section and validates it when the host starts.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/> and validates it at start-up with
    /// <typeparamref name="TValidator"/> (a source-generated <c>[OptionsValidator]</c>), its failures named by key.
    /// Idempotent: several modules may ask for the same options (Data is used by the index, the embeddings and the
    /// bot), and each failure must still be reported once and a list bound once.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        var builder = services.AddOptions<TOptions>();
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IValidateOptions<TOptions>) && descriptor.ImplementationInstance is ConfigurationKeyValidator<TOptions>))
        {
            return builder;
        }

        services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions>(sectionName, new TValidator()));
        return builder.BindConfiguration(sectionName).ValidateOnStart();
    }

    /// <summary>Registers <see cref="DataOptions"/> (section <c>Data</c>) once, however many modules need it.</summary>
    public static OptionsBuilder<DataOptions> AddDataOptions(this IServiceCollection services)
        => services.AddValidatedOptions<DataOptions, DataOptionsValidator>(DataOptions.SectionName);

    /// <summary>Registers <see cref="CorpusOptions"/> (section <c>Corpus</c>) once.</summary>
    public static OptionsBuilder<CorpusOptions> AddCorpusOptions(this IServiceCollection services)
        => services.AddValidatedOptions<CorpusOptions, CorpusOptionsValidator>(CorpusOptions.SectionName);
}
