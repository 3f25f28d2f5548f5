using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaBot.Core;

namespace QaBot.Cli.Hosting;

/// <summary>Puts every log line through a <see cref="SecretRedactor"/> that knows the configured secrets.</summary>
public static class SecretRedaction
{
    /// <summary>The configuration keys that hold a credential.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = ["Chat:ApiKey", "Embeddings:ApiKey", "Discord:Token", "Qdrant:ApiKey"];

    public static SecretRedactor CreateRedactor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SecretRedactor(SecretKeys.Select(key => configuration[key]));
    }

    /// <summary>
    /// Registers the redactor and wraps every logger provider registered so far (call it last): a provider
    /// that writes anywhere gets only redacted text.
    /// </summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => CreateRedactor(configuration));
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList())
        {
            services.Remove(descriptor);
            services.AddSingleton<ILoggerProvider>(sp => new RedactingLoggerProvider(Create(sp, descriptor), sp.GetRequiredService<SecretRedactor>()));
        }

        return services;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) => (ILoggerProvider)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

/// <summary>A logger provider decorator: the wrapped provider's loggers receive redacted messages and exceptions.</summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider, ISupportExternalScope
{
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            // An exception's message and stack trace can hold an echoed secret too, and a formatter prints them
            // verbatim: they become redacted text in the message and the exception itself is not passed on.
            inner.Log(logLevel, eventId, state, null, (s, e) =>
            {
                var message = formatter(s, exception);
                return redactor.Redact(exception is null ? message : message + Environment.NewLine + exception);
            });
        }
    }
}
