using System.Diagnostics;

namespace ComplaintFlow.Local.DevServices;

/// <summary>
/// Runs the npm-installed development services (Azurite, maildev) pinned in the repository's <c>package.json</c>.
/// Installs them with <c>npm ci</c> on first use; fails with a clear message when Node.js is missing.
/// </summary>
public static class NodeTools
{
    // Started as `node -e <this> <script> <args…>`: runs the script as a child and kills it when our stdin closes,
    // so a service never outlives the .NET process that started it, even when that process is killed.
    private const string Watchdog =
        "const { spawn } = require('child_process');" +
        "const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });" +
        "const stop = () => { try { child.kill('SIGTERM'); } catch {} };" +
        "process.stdin.on('end', stop); process.stdin.on('error', stop); process.stdin.resume();" +
        "process.on('SIGTERM', () => { stop(); process.exit(0); });" +
        "child.on('exit', code => process.exit(code ?? 0));";

    // Started as `node -e <this> <log> <script> <args…>` for a service that must outlive us: the script's output goes to
    // <log>; it stops on a "stop" line on our stdin or on SIGTERM/SIGINT, but not when our stdin merely closes (we
    // crashed), so whatever it holds survives us.
    private const string DetachedWatchdog =
        "const fs = require('fs'); const { spawn } = require('child_process');" +
        "const out = fs.openSync(process.argv[1], 'a');" +
        "const child = spawn(process.execPath, process.argv.slice(2), { stdio: ['ignore', out, out] });" +
        "const stop = () => { try { child.kill('SIGTERM'); } catch {} };" +
        "let said = ''; process.stdin.on('data', d => { said += d; if (said.includes('stop')) stop(); });" +
        "process.stdin.on('error', () => {}); process.stdin.resume();" +
        "process.on('SIGTERM', stop); process.on('SIGINT', stop); process.on('SIGHUP', () => {});" +
        "child.on('exit', code => process.exit(code ?? 0));";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The folder holding the repository's <c>package.json</c>, searched upwards from the app and the working directory.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "ComplaintFlow.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Could not find the ComplaintFlow repository (package.json next to ComplaintFlow.sln) above " +
            $"'{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'. Run from inside the repository, " +
            "or configure Storage:ConnectionString so no local Azurite is needed.");
    }

    /// <summary>Path of an npm package's script, installing the repository's pinned packages first when needed.</summary>
    public static async Task<string> ResolveScriptAsync(string package, string relativeScript, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "node_modules", package, relativeScript);
        if (File.Exists(script))
        {
            return script;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(script))
            {
                await RunNpmCiAsync(root, cancellationToken);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return File.Exists(script)
            ? script
            : throw new InvalidOperationException($"'npm ci' ran in {root} but {script} is still missing; is '{package}' in package.json?");
    }

    /// <summary>Starts <c>node script args…</c> under the watchdog, with its output captured for diagnostics.</summary>
    public static Process StartNodeScript(string script, IEnumerable<string> arguments) => StartUnder(Watchdog, [script, .. arguments]);

    /// <summary>
    /// Starts <c>node script args…</c> under a watchdog that lets it outlive this process (see <see cref="DetachedWatchdog"/>),
    /// with its output appended to <paramref name="logPath"/>. <see cref="StopAsync"/> stops it; a crash of ours does not.
    /// </summary>
    public static Process StartDetachedNodeScript(string script, string logPath, IEnumerable<string> arguments) =>
        StartUnder(DetachedWatchdog, [logPath, script, .. arguments]);

    /// <summary>True when a process with that id runs.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Asks a process to stop (SIGTERM, so it shuts down cleanly, e.g. a detached watchdog an earlier host started), waiting up to 10 s.</summary>
    public static async Task TerminateAsync(int pid)
    {
        if (!IsAlive(pid))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        for (var waited = 0; waited < 100 && IsAlive(pid); waited++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Stops a process started by <see cref="StartNodeScript"/> or <see cref="StartDetachedNodeScript"/> and everything it started.</summary>
    public static async Task StopAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                // The detached watchdog stops on this line; the plain one on the end of its input.
                await process.StandardInput.WriteLineAsync("stop");
                await process.StandardInput.FlushAsync();
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Already gone.
        }
    }

    private static Process StartUnder(string watchdog, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(FindNode())
        {
            // All three redirected: stdin is how we stop it, and nothing of ours (a test runner's pipe) is held open by a survivor.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(watchdog);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
    }

    private static string FindNode()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Node.js was not found on PATH. ComplaintFlow runs Azurite (local Azure Storage) and maildev from npm, " +
            "so it needs Node.js 20 or newer with npm: install it (Debian/Ubuntu: 'apt-get install nodejs npm'), " +
            "or set Storage:ConnectionString to a storage account so no local Azurite is needed.");
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        // Only the person at the console sees this: the install takes a minute and would otherwise look like a hang.
        await Console.Out.WriteLineAsync("Installing the pinned Azurite and maildev with 'npm ci' (first run only, about a minute)...");
        FindNode();
        var info = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        Process npm;
        try
        {
            npm = Process.Start(info) ?? throw new InvalidOperationException("Could not start npm.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("npm was not found on PATH; install Node.js with npm (Debian/Ubuntu: 'apt-get install nodejs npm').", ex);
        }

        using (npm)
        {
            var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' failed in {root} (exit {npm.ExitCode}):\n{await stderr}\n{await stdout}");
            }
        }
    }
}
