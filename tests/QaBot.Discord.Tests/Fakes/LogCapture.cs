using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every formatted entry (with exception text), at every level.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Entries);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(new CaptureFactory(this));

    public void Dispose()
    {
    }

    public bool Contains(string text) => Entries.Any(entry => entry.Contains(text, StringComparison.Ordinal));

    private sealed class CaptureFactory(LogCapture capture) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => capture.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
            entries.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {properties} {exception}");
        }
    }
}
