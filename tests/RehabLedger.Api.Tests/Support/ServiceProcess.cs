using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RehabLedger.Tests.Support;

/// <summary>
/// The built service run as a process of its own (<c>dotnet RehabLedger.Api.dll</c>), as an operator runs it, for what
/// only a real process shows: exit codes, signals, what it leaves running.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiting = [];

    private ServiceProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _lines);

    // The service built beside these tests, in the same configuration (bin/Debug/net10.0 or bin/Release/net10.0).
    private static string Folder => Path.Combine(RepositoryRoot.Path, "src", "RehabLedger.Api",
        Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "tests", "RehabLedger.Api.Tests"), AppContext.BaseDirectory));

    /// <summary>Runs the container health check, <c>dotnet RehabLedger.Api.dll --probe URL</c>, and returns its exit code.</summary>
    public static async Task<int> Probe(string url)
    {
        using var probe = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(Folder, "RehabLedger.Api.dll"), "--probe", url])
            { WorkingDirectory = Folder, RedirectStandardOutput = true })!;
        await probe.StandardOutput.ReadToEndAsync();
        await probe.WaitForExitAsync();
        return probe.ExitCode;
    }

    /// <param name="arguments">Command-line arguments after the service's dll, as `dotnet run -- …` would pass them.</param>
    public static ServiceProcess Start(string dataDirectory, int port, IDictionary<string, string>? settings = null,
        IReadOnlyList<string>? arguments = null)
    {
        var folder = Folder;
        var startInfo = new ProcessStartInfo("dotnet", [Path.Combine(folder, "RehabLedger.Api.dll"), .. arguments ?? []])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_HTTP_PORTS"] = "",
            ["ConnectionStrings__Marten"] = "",
            ["EmbeddedPostgres__DataDirectory"] = dataDirectory,
            ["Demo__Seed"] = "false",
            ["Auth__Issuer"] = TestTokens.Issuer,
            ["Auth__Audience"] = TestTokens.Audience,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) environment[name] = value;
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;

        var service = new ServiceProcess(new Process { StartInfo = startInfo });
        service._process.OutputDataReceived += (_, e) => service.Add(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    public Task WaitForLine(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting) _waiting.Add((text, seen));
        if (_lines.Any(l => l.Contains(text))) seen.TrySetResult();
        return seen.Task.WaitAsync(timeout);
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Signal(int signal) => kill(_process.Id, signal).ShouldBe(0);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        lock (_waiting)
            foreach (var (text, seen) in _waiting.Where(w => line.Contains(w.Text)))
                seen.TrySetResult();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
