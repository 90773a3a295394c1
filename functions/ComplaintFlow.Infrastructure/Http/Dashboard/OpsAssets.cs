using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// The ops pages' static files, built into this assembly so both hosts serve the same bytes with no CDN and no folder
/// to deploy beside the app: the stylesheet, the dashboard's script, and chart.js, embedded at build time from the
/// version pinned in the repository's <c>package.json</c> (<c>node_modules/chart.js/dist/chart.umd.min.js</c>).
/// </summary>
public static class OpsAssets
{
    public const string Stylesheet = "ops.css";
    public const string DashboardScript = "dashboard.js";
    public const string ChartScript = "chart.umd.min.js";
    public const string RoutePrefix = "/assets/";

    private static readonly Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> Files = Load();

    public static string Path(string name) => RoutePrefix + name;

    /// <summary>The file, with a strong ETag and a day's caching (it changes only with a new build), or 404.</summary>
    public static IResult Get(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Files.TryGetValue(name, out var file))
        {
            return Problems.Field(StatusCodes.Status404NotFound, "asset-not-found", "No such file", "name", $"There is no static file '{name}'.");
        }

        var headers = context.Response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = "public, max-age=86400";
        headers.XContentTypeOptions = "nosniff";
        return context.Request.Headers.IfNoneMatch.ToString() == file.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(file.Bytes, file.ContentType);
    }

    private static Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> Load()
    {
        var assembly = typeof(OpsAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { (Stylesheet, "text/css; charset=utf-8"), (DashboardScript, "text/javascript; charset=utf-8"), (ChartScript, "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("ComplaintFlow.Assets." + name)
                ?? throw new InvalidOperationException($"The static file {name} was not built into {assembly.GetName().Name}; run 'npm ci' in the repository root and build again.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            files[name] = (bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16) + "\"");
        }

        return files;
    }

    /// <summary>The chart.js version built in (from its banner), for the README and tests.</summary>
    public static string ChartVersion
    {
        get
        {
            var head = System.Text.Encoding.UTF8.GetString(Files[ChartScript].Bytes, 0, 200);
            var at = head.IndexOf("Chart.js v", StringComparison.Ordinal);
            return at < 0 ? "unknown" : new string(head[(at + 10)..].TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        }
    }
}
