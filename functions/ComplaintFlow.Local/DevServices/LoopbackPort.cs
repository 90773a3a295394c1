using System.Net;
using System.Net.Sockets;

namespace ComplaintFlow.Local.DevServices;

/// <summary>Free TCP ports on the loopback interface, for the services the host, tests and benchmarks start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on at the moment of the call (the OS picks it; it is closed again at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
