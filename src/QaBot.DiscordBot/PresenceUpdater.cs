using System.Threading.Channels;
using QaBot.Core;
using QaBot.Discord.Gateway;

namespace QaBot.DiscordBot;

/// <summary>
/// Mirrors the index state in the bot's custom status. An ingest changes the state with every file, so changes are
/// coalesced and sent at most once per <see cref="MinInterval"/> (every presence update counts against the
/// Gateway's 120 sends a minute).
/// </summary>
internal sealed class PresenceUpdater(DiscordGatewayClient gateway, IIndexState index, TimeProvider timeProvider)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(15);

    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        index.Changed += OnChanged;
        try
        {
            var sent = string.Empty;
            while (true)
            {
                var text = PresenceText.For(index.Current);
                if (text != sent)
                {
                    await gateway.SetStatusTextAsync(text, stoppingToken);
                    sent = text;
                    await Task.Delay(MinInterval, timeProvider, stoppingToken);
                }

                await _changed.Reader.ReadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            index.Changed -= OnChanged;
        }
    }

    private void OnChanged(object? sender, IndexState state) => _changed.Writer.TryWrite(true);
}
