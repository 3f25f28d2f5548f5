using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;

namespace QaBot.DiscordBot;

/// <summary>
/// The hosted bot: runs the Gateway client, routes its events on one loop, answers queued questions on a few
/// workers, and sends short refusals on one more. Stopping the host cancels them all and waits; nothing is left running.
/// </summary>
internal sealed class DiscordBotService(
    DiscordGatewayClient gateway,
    EventRouter router,
    QuestionQueue queue,
    QuestionAnswerer answerer,
    RefusalReplies refusals,
    IOptions<DiscordBotOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.Workers).Select(_ => RunWorkerAsync(stoppingToken)).ToList();
        var replies = refusals.RunAsync(stoppingToken);
        var events = RouteEventsAsync(stoppingToken);
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        finally
        {
            queue.Complete();
            await events;
            refusals.Complete();
            await Task.WhenAll([.. workers, replies]);
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

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var question in queue.Reader.ReadAllAsync(stoppingToken))
            {
                DiscordBotTelemetry.Dequeued();
                await answerer.AnswerAsync(question, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: questions still queued are dropped with the process.
        }
    }
}
