using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;

namespace QaBot.DiscordBot;

/// <summary>
/// The hosted bot: runs the Gateway client, routes its events on one loop, answers queued questions on a few
/// workers, sends short refusals on one more, follows an ingest in another process and mirrors the index state in its status. When the Gateway client
/// ends (the host stops, or a fatal close code) the answers in progress are cancelled and everything is awaited;
/// nothing is left running.
/// </summary>
internal sealed class DiscordBotService(
    DiscordGatewayClient gateway,
    EventRouter router,
    QuestionQueue queue,
    QuestionAnswerer answerer,
    RefusalReplies refusals,
    PresenceUpdater presence,
    IngestProgressFollower ingest,
    DiscordBotStatus status,
    IOptions<DiscordBotOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var workers = queue.Dispatcher.RunAsync(options.Value.Workers, (question, token) =>
        {
            DiscordBotTelemetry.Dequeued();
            return answerer.AnswerAsync(question, token);
        }, work.Token);
        var replies = refusals.RunAsync(work.Token);
        var statusText = presence.RunAsync(work.Token);
        var followIngest = ingest.RunAsync(work.Token);
        var events = RouteEventsAsync(work.Token);
        Exception? failure = null;
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
            throw;
        }
        finally
        {
            // Without a Gateway nothing can be answered any more: cancel what is in progress rather than wait for it.
            await work.CancelAsync();
            queue.Complete();
            await events;
            refusals.Complete();
            await Task.WhenAll(workers, replies, statusText, followIngest);
            status.OnStopped(failure);
        }
    }

    private async Task RouteEventsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var gatewayEvent in gateway.Events.ReadAllAsync(stoppingToken))
            {
                await router.HandleAsync(gatewayEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Discord.DiscordGatewayException)
        {
            // The Gateway client stopped; RunAsync reports why.
        }
    }
}
