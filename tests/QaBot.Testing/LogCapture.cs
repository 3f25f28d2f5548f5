using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QaBot.Testing;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every formatted entry (with exception text), at every level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>Waits until an entry containing <paramref name="text"/> has been logged.</summary>
    public async Task WaitForAsync(string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task logged;
            lock (_lock)
            {
                logged = _logged.Task;
            }

            if (Contains(text))
            {
                return;
            }

            await logged.WaitAsync(guard.Token);
        }
    }

    private void Add(string entry)
    {
        Entries.Enqueue(entry);
        lock (_lock)
        {
            _logged.TrySetResult();
            _logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

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

    private sealed class CapturingLogger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
            capture.Add($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {properties} {exception}");
        }
    }
}
