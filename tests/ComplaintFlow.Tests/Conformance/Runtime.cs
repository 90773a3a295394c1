namespace ComplaintFlow.Tests.Conformance;

/// <summary>Where a scenario runs.</summary>
public enum Runtime
{
    /// <summary>Our durable simulator on a fake clock, every store in memory.</summary>
    Simulator,

    /// <summary>The Durable Task SDK's in-memory backend (<c>DurableTaskTestHost</c>) on the real clock, every store in memory.</summary>
    TestHost,

    /// <summary>The local host: the Durable Task Framework's Azure Storage provider and Table Storage on Azurite, on the real clock.</summary>
    Azurite,
}
