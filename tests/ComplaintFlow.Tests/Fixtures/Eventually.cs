namespace ComplaintFlow.Tests.Fixtures;

/// <summary>Waits for something that happens in the background (recording, a snapshot reload), failing after a patience.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan patience, string failure)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
