using System.Globalization;
using ComplaintFlow.Bench;

// dotnet run -c Release --project bench/ComplaintFlow.Bench -- <lifecycles|intake|stats|soak> [options]; see bench/README.md.
var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1));
switch (command)
{
    case "lifecycles":
        var keepEmails = options.Get("emails", "drop") == "keep";
        switch (options.Get("store", "memory"))
        {
            case "memory":
                await SimulatorLifecycleBenchmark.RunAsync(options.GetInt("count", 10_000), keepEmails);
                break;
            case "azurite":
                await EngineLifecycleBenchmark.RunAsync(options.GetInt("count", 100), options.GetInt("rounds", 5), TimeSpan.FromSeconds(options.GetInt("first-response", 20)), keepEmails);
                break;
            default:
                Console.WriteLine("--store must be memory or azurite.");
                return 2;
        }

        break;
    case "intake":
        await IntakeBenchmark.RunAsync(
            options.Get("clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            TimeSpan.FromSeconds(options.GetInt("seconds", 10)),
            options.Get("workflows", "run") == "run");
        break;
    case "stats":
        await StatisticsBenchmark.RunAsync(options.GetInt("count", 100_000), options.GetInt("requests", 50), options.GetInt("scans", 3));
        break;
    case "soak":
        return await SoakBenchmark.RunAsync(new SoakOptions(
            TimeSpan.FromMinutes(options.GetInt("minutes", 30)),
            double.Parse(options.Get("rate", "0.5"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(options.GetInt("sample", 60)),
            TimeSpan.FromSeconds(options.GetInt("first-response", 20))));
    default:
        Console.WriteLine("""
            usage:
              lifecycles [--store memory] [--count N] [--emails drop|keep]
                                                                full complaint lifecycles on the simulator and a fake clock
              lifecycles --store azurite [--count N] [--rounds R] [--first-response S] [--emails drop|keep]
                                                                lifecycles on the real engine on Azurite, in rounds with
                                                                as many bare one-activity DTFx orchestrations
              intake [--clients 1,16,64] [--seconds S] [--workflows run|off]
                                                                signed webhook intake vs a bare Azurite insert
              stats [--count N] [--requests R] [--scans S]
                                                                GET /api/stats for a month of N complaints vs a full scan
              soak [--minutes 30] [--rate 0.5] [--sample 60] [--first-response 20]
                                                                mixed traffic on the local host; memory, handles,
                                                                storage and latency each sample; plateau verdict
            """);
        return 2;
}

return 0;
