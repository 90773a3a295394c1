using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;
using Microsoft.Extensions.Configuration;

namespace ComplaintFlow.Tests.Sla;

/// <summary>The settings as an operator writes them (app settings / environment) bind onto the options.</summary>
public sealed class SlaConfigurationBindingTests
{
    [Fact]
    public void Working_hours_bind_from_plain_configuration_values()
    {
        var configuration = Configuration(new()
        {
            ["WorkingHours:TimeZone"] = "Europe/Berlin",
            ["WorkingHours:Opens"] = "08:30",
            ["WorkingHours:Closes"] = "17:00",
            ["WorkingHours:Holidays:0"] = "2026-10-05",
            ["WorkingHours:Holidays:1"] = "2026-12-25",
        });

        var options = configuration.GetSection(WorkingHoursOptions.SectionName).Get<WorkingHoursOptions>()!;

        Assert.Empty(options.Validate());
        var calendar = new BusinessCalendar(options);
        // Friday 2 October after closing: Monday 5 October is a holiday, so Tuesday at the configured opening.
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 8, 30, 0, At.Cest), calendar.NextOpening(new DateTimeOffset(2026, 10, 2, 17, 0, 0, At.Cest)));
    }

    [Fact]
    public void An_sla_setting_overrides_only_the_value_it_names()
    {
        var configuration = Configuration(new()
        {
            ["Sla:Targets:High:FirstResponse"] = "04:00:00",
            ["Sla:ConfirmationTimeout"] = "5.00:00:00",
        });

        var options = configuration.GetSection(SlaOptions.SectionName).Get<SlaOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromHours(4), options.Targets[Severity.High].FirstResponse);
        Assert.Equal(TimeSpan.FromHours(48), options.Targets[Severity.High].Resolution);
        Assert.Equal(TimeSpan.FromHours(2), options.Targets[Severity.Urgent].FirstResponse);
        Assert.Equal(TimeSpan.FromDays(5), options.ConfirmationTimeout);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
