using System.Reflection;
using Microsoft.Extensions.Logging;

namespace QaBot.Cli.Tests.Logging;

/// <summary>
/// Every source-generated log message of the src assemblies has an event id of its own, inside its area's
/// range (the table in README.md, "Log event ids"), so a log query by id finds one message.
/// </summary>
public sealed class LogEventIdTests
{
    /// <summary>The README's table: assembly → first and last event id of its area.</summary>
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new(StringComparer.Ordinal)
    {
        ["QaBot.Ingestion"] = (1000, 1499),
        ["QaBot.Index.Sqlite"] = (1500, 1999),
        ["QaBot.Retrieval"] = (2000, 2999),
        ["QaBot.Answering"] = (2000, 2999),
        ["QaBot.Discord"] = (3000, 3999),
        ["QaBot.DiscordBot"] = (3000, 3999),
        ["QaBot.Generation"] = (4000, 4999),
        ["QaBot.Index.Qdrant"] = (5000, 5999),
        ["QaBot.Embeddings"] = (6000, 6999),
        ["QaBot.Evaluation"] = (7000, 7999),
        ["QaBot.Cli"] = (8000, 8999),
        ["QaBot.Analysis"] = (9000, 9499),
        ["QaBot.Core"] = (9500, 9999),
    };

    [Fact]
    public void LoggerMessages_AcrossSrcAssemblies_HaveUniqueEventIds()
    {
        var messages = LoggerMessages();

        var duplicates = messages.GroupBy(m => m.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}")
            .ToList();

        Assert.NotEmpty(messages);
        Assert.True(duplicates.Count == 0, "Event ids used more than once:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void LoggerMessages_EachAssembly_UseIdsInsideItsRange()
    {
        var messages = LoggerMessages();

        var outside = messages
            .Where(m => !Ranges.TryGetValue(m.Assembly, out var range) || m.EventId < range.First || m.EventId > range.Last)
            .Select(m => Ranges.TryGetValue(m.Assembly, out var range)
                ? $"{m.Name}: {m.EventId} is outside {m.Assembly}'s {range.First}–{range.Last}"
                : $"{m.Name}: {m.Assembly} has no event-id range (add one here and to README.md)")
            .ToList();

        Assert.NotEmpty(messages);
        Assert.True(outside.Count == 0, "Event ids outside their area's range:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void Ranges_OfDifferentAreas_DoNotOverlap()
    {
        // Assemblies of one area share its range; distinct ranges must not overlap.
        var ranges = Ranges.Values.Distinct().OrderBy(r => r.First).ToList();

        var overlaps = ranges.Zip(ranges.Skip(1)).Where(p => p.Second.First <= p.First.Last).ToList();

        Assert.Empty(overlaps);
    }

    private sealed record LoggerMessageInfo(string Assembly, string Name, int EventId);

    /// <summary>The [LoggerMessage] methods of every QaBot assembly next to the tests, test assemblies excepted.</summary>
    private static List<LoggerMessageInfo> LoggerMessages()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "QaBot.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal) && name != "QaBot.Testing")
            .Select(name => Assembly.Load(new AssemblyName(name!)))
            .SelectMany(assembly => assembly.GetTypes()
                .SelectMany(type => type.GetMethods(All))
                .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
                .Where(m => m.attribute is not null)
                .Select(m => new LoggerMessageInfo(assembly.GetName().Name!, $"{m.method.DeclaringType!.FullName}.{m.method.Name}", m.attribute!.EventId)))
            .ToList();
    }
}
