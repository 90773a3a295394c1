using System.Globalization;
using ComplaintFlow.Bench;

// dotnet run -c Release --project bench/ComplaintFlow.Bench -- <lifecycles|intake> [options]; see bench/README.md.
var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1));
switch (command)
{
    case "lifecycles":
        await LifecycleBenchmark.RunAsync(options.Get("store", "memory"), options.GetInt("count", 10_000), options.Get("emails", "drop") == "keep");
        break;
    case "intake":
        await IntakeBenchmark.RunAsync(
            options.Get("clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            TimeSpan.FromSeconds(options.GetInt("seconds", 10)),
            options.Get("workflows", "run") == "run");
        break;
    default:
        Console.WriteLine("""
            usage:
              lifecycles [--store memory|azurite] [--count N] [--emails drop|keep]
                                                                full complaint lifecycles on a fake clock
              intake [--clients 1,16,64] [--seconds S] [--workflows run|off]
                                                                signed webhook intake vs a bare Azurite insert
            """);
        return 2;
}

return 0;
