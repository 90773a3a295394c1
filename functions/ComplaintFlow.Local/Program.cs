using ComplaintFlow.Local.Hosting;

await using var host = await LocalHost.BuildAsync(args);
await host.RunAsync();
