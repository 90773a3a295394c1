using ComplaintFlow.Local.Hosting;

try
{
    await using var host = await LocalHost.BuildAsync(args);
    await host.RunAsync();
    return 0;
}
catch (Exception e) when (LocalHostApp.SettingProblems(e).Count > 0)
{
    // The settings' own messages say what to set; a stack trace would only hide them.
    await Console.Error.WriteLineAsync("ComplaintFlow cannot start; fix these settings:");
    foreach (var problem in LocalHostApp.SettingProblems(e))
    {
        await Console.Error.WriteLineAsync("  - " + problem);
    }

    return 1;
}
