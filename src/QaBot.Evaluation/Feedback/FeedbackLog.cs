using System.Text;
using System.Text.Json;

namespace QaBot.Evaluation.Feedback;

/// <summary>Appends votes to a JSON-lines feedback file, one line per vote; the folder is created on the first vote.</summary>
public sealed class FeedbackLog(string path) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file the votes go to.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one vote. Concurrent calls are serialised so lines never interleave.</summary>
    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(entry) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await File.AppendAllTextAsync(Path, line, Encoding.UTF8, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();
}
