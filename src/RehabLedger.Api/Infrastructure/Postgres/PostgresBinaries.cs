using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RehabLedger.Infrastructure.Postgres;

/// <summary>
/// The PostgreSQL server programs found on this machine and the way to run them. initdb and pg_ctl refuse to
/// run as root, so as root every call goes through <c>runuser -u postgres --</c>.
/// </summary>
internal sealed class PostgresBinaries
{
    internal const string PostgresUser = "postgres";
    private static readonly string[] ServerPrograms = ["initdb", "pg_ctl"];

    // pg_ctl start waits up to 60 s itself (-t 60); crash recovery after a hard stop can take most of that.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly string? _runuser;

    private PostgresBinaries(string binDirectory, string? runuser)
    {
        BinDirectory = binDirectory;
        _runuser = runuser;
    }

    public string BinDirectory { get; }

    public bool RunsAsPostgresUser => _runuser is not null;

    /// <summary>The configured folder, then PATH, then the folders where packages put the server, newest version first.</summary>
    internal static IReadOnlyList<string> SearchFolders(string? binDirectory, string? pathVariable)
    {
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(binDirectory)) folders.Add(binDirectory);
        folders.AddRange((pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        folders.AddRange(NewestFirst(SubfoldersOf("/usr/lib/postgresql", "*"), Path.GetFileName).Select(d => Path.Combine(d, "bin")));
        folders.Add("/usr/local/pgsql/bin");
        folders.Add("/opt/homebrew/bin");
        folders.AddRange(NewestFirst(SubfoldersOf("/usr", "pgsql-*"), d => Path.GetFileName(d)["pgsql-".Length..]).Select(d => Path.Combine(d, "bin")));
        return folders;
    }

    internal static PostgresBinaries Find(IEnumerable<string> searchFolders)
    {
        var binDirectory = searchFolders.FirstOrDefault(HasServerPrograms)
            ?? throw new EmbeddedPostgresUnavailableException(
                "No PostgreSQL server binaries (initdb, pg_ctl) were found in EmbeddedPostgres:BinDirectory, on PATH or in the usual " +
                "install folders: install them (for example `apt-get install -y postgresql`) or set ConnectionStrings__Marten " +
                "to an existing PostgreSQL server.");
        return new PostgresBinaries(Path.TrimEndingDirectorySeparator(Path.GetFullPath(binDirectory)), RunningAsRoot() ? RunuserForPostgresUser() : null);
    }

    internal static bool RunningAsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

    /// <summary>Runs initdb or pg_ctl from <see cref="BinDirectory"/>, as the postgres user when running as root.</summary>
    internal CommandResult Run(string program, params string[] arguments) =>
        _runuser is null
            ? Execute(Path.Combine(BinDirectory, program), arguments)
            : Execute(_runuser, ["-u", PostgresUser, "--", Path.Combine(BinDirectory, program), .. arguments]);

    /// <summary>As root, hands a folder (and all it holds) to the postgres user, who runs the server.</summary>
    internal void GiveToPostgresUser(string path)
    {
        if (!RunsAsPostgresUser) return;
        var chown = Execute("chown", ["-R", $"{PostgresUser}:{PostgresUser}", path]);
        if (!chown.Succeeded) throw new EmbeddedPostgresException($"Could not hand {path} to the {PostgresUser} user.\n{chown}");
    }

    private static bool HasServerPrograms(string folder) =>
        ServerPrograms.All(program => File.Exists(Path.Combine(folder, program)));

    private static IEnumerable<string> SubfoldersOf(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateDirectories(folder, pattern) : [];

    private static IEnumerable<string> NewestFirst(IEnumerable<string> folders, Func<string, string> version) =>
        folders.OrderByDescending(f => Version.TryParse(WithMinor(version(f)), out var v) ? v : new Version())
            .ThenByDescending(f => f, StringComparer.Ordinal);

    // Version.TryParse needs at least major.minor; PostgreSQL 10+ folders are named by major only ("15").
    private static string WithMinor(string version) => version.Contains('.') ? version : version + ".0";

    private static string RunuserForPostgresUser()
    {
        var runuser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists)
            ?? throw new EmbeddedPostgresUnavailableException(
                $"Running as root, the embedded PostgreSQL needs `runuser` to run as the `{PostgresUser}` user: install util-linux " +
                "or set ConnectionStrings__Marten to an existing PostgreSQL server.");
        if (!Execute(runuser, ["-u", PostgresUser, "--", "true"]).Succeeded)
            throw new EmbeddedPostgresUnavailableException(
                $"Running as root, the embedded PostgreSQL must run as the OS user `{PostgresUser}`, which does not exist: install " +
                "the PostgreSQL server package (for example `apt-get install -y postgresql`, which creates that user) or set " +
                "ConnectionStrings__Marten to an existing PostgreSQL server.");
        return runuser;
    }

    private static CommandResult Execute(string fileName, IReadOnlyList<string> arguments)
    {
        var commandLine = string.Join(' ', arguments.Prepend(fileName).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The caller's working folder may be one the postgres user cannot enter (/root), which initdb complains about.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
            ?? throw new EmbeddedPostgresException($"Could not run `{commandLine}`.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new EmbeddedPostgresException($"`{commandLine}` did not finish within {CommandTimeout.TotalSeconds:0} s.");
        }
        var text = string.Join('\n', new[] { output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult() }
            .Select(s => s.Trim()).Where(s => s.Length > 0));
        return new CommandResult(commandLine, process.ExitCode, text);
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}

internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"Command: {CommandLine}\nExit code: {ExitCode}\nOutput: {Output}";
}
