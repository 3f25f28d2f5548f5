using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QaBot.Bench;

/// <summary>
/// Builds the host a benchmark measures: the application's own composition (as the command line configured it),
/// with <paramref name="configureServices"/> applied last and <paramref name="settings"/> overriding configuration
/// keys. The benchmarks measure the real services without knowing how the command line composes them.
/// </summary>
public delegate IHost BenchHostFactory(Action<IServiceCollection> configureServices, IReadOnlyDictionary<string, string?> settings);
