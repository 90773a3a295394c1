using ComplaintFlow.Local.DevServices;
using Microsoft.Playwright;

namespace ComplaintFlow.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright, headless, with no network beyond this machine (never `playwright install`).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}; run 'apt-get install chromium fonts-noto-cjk' (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Saves a screenshot under <c>artifacts/screenshots/</c> in the repository, and attaches it to the test result.</summary>
    public static async Task<string> KeepScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(NodeTools.FindRepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
        return path;
    }
}
