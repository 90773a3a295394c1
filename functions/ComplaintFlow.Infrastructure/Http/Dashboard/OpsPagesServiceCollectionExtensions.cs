using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

public static class OpsPagesServiceCollectionExtensions
{
    /// <summary>The ops pages and their key (section <c>Ops</c>; the local host sets it to its API key).</summary>
    public static IServiceCollection AddOpsPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpsOptions>().Bind(configuration.GetSection(OpsOptions.SectionName));
        services.AddSingleton<OpsAccess>();
        services.AddSingleton<OpsSignInPage>();
        services.AddSingleton<RestrictionsPage>();
        services.AddSingleton<QueuePage>();
        services.AddSingleton<DashboardPage>();
        return services;
    }
}
