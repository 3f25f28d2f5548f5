using System.Net;
using System.Net.Sockets;

namespace QaBot.Testing;

/// <summary>
/// What every fake server on loopback shares: an <see cref="HttpListener"/> on a free 127.0.0.1 port, and the
/// loop that hands each request on until the listener is stopped.
/// </summary>
public static class LoopbackListener
{
    /// <summary>Starts a listener on a port that was free a moment ago, retried if another process takes it first.</summary>
    public static (HttpListener Listener, Uri BaseUrl) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl.AbsoluteUri);
            try
            {
                listener.Start();
                return (listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>
    /// Passes each request to <paramref name="dispatch"/> (awaited before the next is taken, so a fake that
    /// answers concurrently starts its own task and returns) and ends quietly when the listener stops.
    /// </summary>
    public static async Task AcceptAsync(HttpListener listener, Func<HttpListenerContext, Task> dispatch)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(dispatch);
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await dispatch(context);
        }
    }
}
