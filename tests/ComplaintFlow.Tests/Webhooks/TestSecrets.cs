using ComplaintFlow.Infrastructure.Webhooks;

namespace ComplaintFlow.Tests.Webhooks;

internal static class TestSecrets
{
    public const string Current = "whsec_8oGcy2K0v4r6nQ1JjF3xWmZ5tY7uA9bD0eH2kL4pS6w=";
    public const string Previous = "whsec_c2VjcmV0LXVzZWQtYmVmb3JlLXRoZS1yb3RhdGlvbiE=";
    public const string Stranger = "whsec_bm90LW9uZS1vZi1vdXJzLWFuZC1uZXZlci13YXMhIQ==";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static WebhookOptions Options(params string[] secrets)
    {
        var options = new WebhookOptions();
        options.Secrets.AddRange(secrets);
        return options;
    }
}
