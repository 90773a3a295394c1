namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// The ops pages' key (configuration section <c>Ops</c>): typed once on the sign-in form of <c>/dashboard</c>,
/// <c>/queue</c> and <c>/restrictions</c>. The local host uses its API key (<c>Api:Key</c>); the Functions app reads
/// <c>Ops:Key</c> (app setting <c>Ops__Key</c>, a Key Vault reference on Azure). Without one the pages say so and
/// nobody can sign in.
/// </summary>
public sealed class OpsOptions
{
    public const string SectionName = "Ops";

    public string Key { get; set; } = string.Empty;
}
