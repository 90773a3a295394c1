using ComplaintFlow.Infrastructure.Links;

namespace ComplaintFlow.Tests.Links;

internal static class TestLinks
{
    public const string NewKey = "Xq3bV9mT2pL6wR8yK1nF4hJ7cD0sA5gE9uI2oP6zM3k=";
    public const string OldKey = "b2xkLWtleS1yZXRpcmVkLWFmdGVyLXRoZS1yb3RhdGlvbiE=";
    public const string ForeignKey = "c29tZW9uZS1lbHNlcy1rZXktdGhhdC13ZS1uZXZlci1oZWxk";
    public const string BaseUrl = "http://localhost:5080";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static LinksOptions Options(params string[] keys)
    {
        var options = new LinksOptions { BaseUrl = BaseUrl };
        options.Keys.AddRange(keys);
        return options;
    }
}
