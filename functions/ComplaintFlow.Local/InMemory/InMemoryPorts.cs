using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// Every port of the product in memory, registered over <c>AddComplaintFlow(...)</c> (the last registration wins): the
/// stores, the outbox, and recording inline with intake. The Durable runtime is the caller's: the simulator
/// (<see cref="InMemoryComplaintFlow"/>) or the SDK's worker and client on another backend.
/// </summary>
public static class InMemoryPorts
{
    public static IServiceCollection AddInMemoryPorts(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryComplaintStore>();
        services.AddSingleton<IComplaintStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.AddSingleton<IDeliveryLedger, InMemoryDeliveryLedger>();
        services.AddSingleton<IDeliveryHandoff, InlineDeliveryHandoff>();
        services.AddSingleton<IAgentDirectory, InMemoryAgentDirectory>();
        services.AddSingleton<InMemoryComplaintIndex>();
        services.AddSingleton<IComplaintIndex>(sp => sp.GetRequiredService<InMemoryComplaintIndex>());
        services.AddSingleton<InMemoryRestrictionStore>();
        services.AddSingleton<IRestrictionStore>(sp => sp.GetRequiredService<InMemoryRestrictionStore>());
        services.AddSingleton<IStatisticsStore, InMemoryStatisticsStore>();
        services.AddSingleton<InMemoryOutbox>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<InMemoryOutbox>());
        services.AddSingleton<IOutboxReader>(sp => sp.GetRequiredService<InMemoryOutbox>());

        // The table stores' holders would reach for Table Storage: these ports hold the personal data instead.
        services.RemoveAll<IPersonalDataHolder>();
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<InMemoryOutbox>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<InMemoryComplaintIndex>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<InMemoryRestrictionStore>());
        services.AddSingleton<IErasureLog, InMemoryErasureLog>();
        return services;
    }
}
