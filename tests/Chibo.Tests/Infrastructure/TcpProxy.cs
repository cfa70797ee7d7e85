using System.Net;
using System.Net.Sockets;

namespace Chibo.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of the test PostgreSQL: <see cref="Cut"/> drops every connection and refuses new
/// ones, as a stopped or restarting database server does; <see cref="Resume"/> serves again on the same port.
/// Lets a test take the database away from one app without stopping the server that other tests share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Resume();
    }

    public int Port { get; private set; }

    public void Resume()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                var server = new TcpClient();
                try
                {
                    await server.ConnectAsync(_target);
                }
                catch (SocketException)
                {
                    client.Dispose();
                    server.Dispose();
                    continue;
                }

                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(server);
                }

                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut: the listener stopped.
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // One side closed or was cut.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting;
    }
}
