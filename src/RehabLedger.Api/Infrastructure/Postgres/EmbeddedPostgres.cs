using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RehabLedger.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL server on this machine, run from the installed server binaries on a data folder that is kept
/// between runs, so the service works with no database set up and its records survive a restart. Reuses a
/// server already running on that folder (a killed service leaves its PostgreSQL running). TCP connections need
/// a password, kept in <see cref="PostgresCredentials"/> beside the data folder. The service connects as the
/// <see cref="ServiceRole"/>, which owns its database and nothing else; the <c>postgres</c> superuser only provisions.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    private const string SettingsFileName = "rehabledger.conf";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _startRetryWindow;
    private readonly ILogger _logger;
    private int _stopped;
    // Null only for a data folder created before passwords were set, which still trusts every local connection.
    private string? _password;
    private string? _servicePassword;

    private EmbeddedPostgres(PostgresBinaries binaries, string dataDirectory, TimeSpan startRetryWindow, ILogger logger)
    {
        Binaries = binaries;
        DataDirectory = dataDirectory;
        _startRetryWindow = startRetryWindow;
        _logger = logger;
    }

    /// <summary>
    /// Npgsql connection string to the service's database, as <see cref="ServiceRole"/> over 127.0.0.1, with its
    /// password from <see cref="CredentialsFile"/> (none for an old trust-authentication folder). Never log it.
    /// </summary>
    public string ConnectionString { get; private set; } = "";

    public string DataDirectory { get; }

    public int Port { get; private set; }

    /// <summary>True when a server was already running on the data folder and this start only connected to it.</summary>
    internal bool ReusedRunningServer { get; private set; }

    internal PostgresBinaries Binaries { get; }

    internal string LogFile => Path.Combine(DataDirectory, "postgresql.log");

    internal string CredentialsFile => PostgresCredentials.FileFor(DataDirectory);

    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    private string SettingsFile => Path.Combine(DataDirectory, SettingsFileName);

    /// <summary>
    /// Initializes the data folder on first use, then starts PostgreSQL on it (or reuses the one running on it),
    /// waits until it accepts connections and creates the database if missing.
    /// </summary>
    /// <exception cref="EmbeddedPostgresUnavailableException">No PostgreSQL server binaries (or, as root, no postgres user).</exception>
    /// <exception cref="EmbeddedPostgresException">A step failed; the message has the command and the server log's last lines.</exception>
    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options, ILogger logger) =>
        Start(options, logger, PostgresBinaries.SearchFolders(options.BinDirectory, Environment.GetEnvironmentVariable("PATH")));

    internal static EmbeddedPostgres Start(EmbeddedPostgresOptions options, ILogger logger, IEnumerable<string> binarySearchFolders)
    {
        if (string.IsNullOrWhiteSpace(options.Database))
            throw new ArgumentException("EmbeddedPostgres:Database must name a database.", nameof(options));

        var clock = Stopwatch.StartNew();
        var binaries = PostgresBinaries.Find(binarySearchFolders);
        var server = new EmbeddedPostgres(binaries, options.ResolveDataDirectory(PostgresBinaries.RunningAsRoot()), options.StartRetryWindow, logger);
        server.LogChoices(options.BinDirectory);
        try
        {
            server.EnsureInitialized();
            server.ReusedRunningServer = server.BringUp();
            server.EnsureServiceDatabase(options.Database);
        }
        catch (Exception e)
        {
            // A start that fails half-way leaves no server behind: nobody else would stop it.
            server.Stop();
            if (e is IOException or UnauthorizedAccessException)
                throw server.Failure($"The PostgreSQL data folder {server.DataDirectory} is not usable: {e.Message}", inner: e);
            throw;
        }
        server.ConnectionString = server.ConnectionStringFor(options.Database, ServiceRole, server._servicePassword);

        if (server.ReusedRunningServer)
            logger.LogInformation("Reusing the PostgreSQL already running on 127.0.0.1:{Port} for {DataDirectory} ({ElapsedMs} ms)",
                server.Port, server.DataDirectory, clock.ElapsedMilliseconds);
        else
            logger.LogInformation("Started PostgreSQL on 127.0.0.1:{Port} for {DataDirectory} ({ElapsedMs} ms)",
                server.Port, server.DataDirectory, clock.ElapsedMilliseconds);
        return server;
    }

    /// <summary>
    /// Stops whatever PostgreSQL runs on the data folder (an operator may have restarted it underneath the service).
    /// Idempotent, and never throws, so it is safe from <see cref="AppDomain.ProcessExit"/>.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            var stop = Binaries.Run("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast");
            if (stop.Succeeded)
                _logger.LogInformation("Stopped PostgreSQL for {DataDirectory}", DataDirectory);
            else if (File.Exists(PidFile))
                _logger.LogWarning("Could not stop PostgreSQL for {DataDirectory}: {Command}", DataDirectory, stop);
        }
        // An exception escaping a ProcessExit handler would crash the process on its way out.
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not stop PostgreSQL for {DataDirectory}", DataDirectory);
        }
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void LogChoices(string? configuredBinDirectory)
    {
        var configuredIgnored = !string.IsNullOrWhiteSpace(configuredBinDirectory)
            && Path.TrimEndingDirectorySeparator(Path.GetFullPath(configuredBinDirectory)) != Binaries.BinDirectory;
        if (configuredIgnored)
            _logger.LogWarning("EmbeddedPostgres:BinDirectory {Configured} has no initdb and pg_ctl; using {BinDirectory}",
                configuredBinDirectory, Binaries.BinDirectory);
        _logger.LogInformation("Embedded PostgreSQL: binaries in {BinDirectory}, data folder {DataDirectory}{AsPostgresUser}",
            Binaries.BinDirectory, DataDirectory, Binaries.RunsAsPostgresUser ? ", run as the postgres user" : "");
    }

    private void EnsureInitialized()
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            LoadCredentials();
            return;
        }

        var clock = Stopwatch.StartNew();
        PrepareEmptyDataDirectory();
        _password = PostgresCredentials.NewPassword();
        _servicePassword = PostgresCredentials.NewPassword();
        // Saved before initdb runs: a folder whose password was lost cannot be used, while a credentials file
        // without a folder is simply replaced by the next initialization.
        PostgresCredentials.Write(CredentialsFile, new(_password, _servicePassword));
        var initdb = RunInitdb(_password);
        if (!initdb.Succeeded) throw Failure("initdb could not create the PostgreSQL data folder.", initdb.ToString());
        WriteServerSettings(FreePort());
        _logger.LogInformation("Created a new PostgreSQL data folder in {DataDirectory}, its passwords in {CredentialsFile} ({ElapsedMs} ms)",
            DataDirectory, CredentialsFile, clock.ElapsedMilliseconds);
    }

    private CommandResult RunInitdb(string password)
    {
        // A file rather than an argument: command lines are visible to every local user (ps) and appear in our errors.
        var passwordFile = PostgresCredentials.WriteInitdbPasswordFile(DataDirectory, password, Binaries);
        try
        {
            // No trust anywhere: TCP needs the password; the Unix socket, which rehabledger.conf turns off, would need peer.
            return Binaries.Run("initdb", "-D", DataDirectory, "-U", PostgresBinaries.PostgresUser,
                "--auth-local=peer", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private void LoadCredentials()
    {
        var stored = PostgresCredentials.Read(CredentialsFile);
        if (stored is not null)
        {
            (_password, _servicePassword) = (stored.Superuser, stored.Service);
            if (_servicePassword is not null) return;
            // A folder from before the service role: the role gets its password now, and EnsureServiceDatabase creates it.
            _servicePassword = PostgresCredentials.NewPassword();
            PostgresCredentials.Write(CredentialsFile, new(_password, _servicePassword));
            return;
        }
        // Left as it is: rewriting pg_hba.conf of a folder nobody asked us to change could lock its owner out.
        _logger.LogWarning("The PostgreSQL data folder {DataDirectory} has no credentials file {CredentialsFile}: it was created with " +
            "trust authentication, so any local user can connect to it as the postgres superuser. To get a password-protected " +
            "folder, stop the service, delete {DataDirectory} (its records are lost) and start again.",
            DataDirectory, CredentialsFile, DataDirectory);
    }

    private void PrepareEmptyDataDirectory()
    {
        var created = FoldersToCreate();
        Directory.CreateDirectory(DataDirectory);
        if (!Binaries.RunsAsPostgresUser) return;
        // The postgres user must reach its data folder whatever root's umask, but the folders above (e.g.
        // /var/lib/rehabledger) stay root's: they hold the credentials file, which that user must not replace.
        foreach (var folder in created.Where(f => f != DataDirectory)) PostgresCredentials.MakeTraversable(folder);
        Binaries.GiveToPostgresUser(DataDirectory);
    }

    private List<string> FoldersToCreate()
    {
        var folders = new List<string>();
        for (var folder = DataDirectory; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            folders.Add(folder);
        return folders;
    }

    /// <summary>Gets a server running and answering on the data folder; returns whether it was already running.</summary>
    private bool BringUp()
    {
        var clock = Stopwatch.StartNew();
        var launchedAt = TimeSpan.Zero;
        var startedHere = false;
        var reported = "";
        while (true)
        {
            var postmaster = InspectPostmaster();
            string? failedStart = null;
            string problem;
            switch (postmaster.State)
            {
                case PostmasterState.Running:
                    Port = postmaster.Port;
                    if (CanConnect(out problem)) return !startedHere;
                    break;
                case PostmasterState.NotRunning:
                    var start = StartServer();
                    // pg_ctl also fails when the server outlasts -t (a long crash recovery); its postmaster.pid then remains.
                    if (start.Succeeded || File.Exists(PidFile))
                    {
                        (startedHere, launchedAt) = (true, clock.Elapsed);
                        continue;
                    }
                    (failedStart, problem) = (start.ToString(), "pg_ctl could not start PostgreSQL");
                    break;
                case PostmasterState.Stale:
                    RemoveStalePidFile(postmaster.Pid);
                    continue;
                default:
                    problem = postmaster.Situation;
                    break;
            }

            // A server gets ReadyTimeout from its launch to answer; a failing start is retried for a shorter while.
            var (limit, waited) = failedStart is null ? (ReadyTimeout, clock.Elapsed - launchedAt) : (_startRetryWindow, clock.Elapsed);
            if (waited > limit)
                throw Failure($"PostgreSQL did not become available within {limit.TotalSeconds:0} s: {problem}.", failedStart);
            if (problem != reported)
                _logger.LogInformation("PostgreSQL for {DataDirectory} is not available yet ({Problem}); retrying", DataDirectory, reported = problem);
            Thread.Sleep(PollInterval);
        }
    }

    private CommandResult StartServer()
    {
        EnsureConfiguredPortIsFree();
        return Binaries.Run("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile);
    }

    private Postmaster InspectPostmaster()
    {
        if (!File.Exists(PidFile)) return new(PostmasterState.NotRunning);

        var status = Binaries.Run("pg_ctl", "status", "-D", DataDirectory);
        // 3: no server runs; a postmaster.pid left by a dead one is cleared by the next start.
        if (status.ExitCode == 3) return new(PostmasterState.NotRunning);
        if (!status.Succeeded) throw Failure("pg_ctl could not tell whether PostgreSQL runs.", status.ToString());

        var lines = ReadLinesOrEmpty(PidFile);
        // Lines 1 and 4 of postmaster.pid: the postmaster's PID and port; line 8: its status.
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
            return new(PostmasterState.Transient, Situation: "postmaster.pid is being written or removed");
        // pg_ctl counts a zombie as running, and any process that took over a dead postmaster's PID.
        if (IsZombie(pid))
            return new(PostmasterState.Transient, pid, port, $"the previous postmaster (PID {pid}) is still exiting");
        if (!IsPostmasterOf(pid, lines)) return new(PostmasterState.Stale, pid, port);
        if (lines.Length > 7 && lines[7].Trim() == "stopping")
            return new(PostmasterState.Transient, pid, port, $"the postmaster (PID {pid}) is shutting down");
        return new(PostmasterState.Running, pid, port);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/PID/stat is "PID (command) STATE ..." and the command may itself hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..] is ['Z' or 'X', ..];
        }
        catch (IOException)
        {
            return false; // no /proc (macOS), or the process is already gone
        }
    }

    /// <summary>
    /// After a reboot or a container restart, a postmaster.pid may name a PID that now belongs to another program,
    /// and PostgreSQL then refuses to start. A postmaster works in its data folder, so its working folder holds this
    /// very postmaster.pid.
    /// </summary>
    private static bool IsPostmasterOf(int pid, string[] pidFileLines)
    {
        // Without /proc (macOS) nothing can be told; a process gone meanwhile is seen as such by the next pg_ctl status.
        if (!Directory.Exists($"/proc/{pid}")) return true;
        try
        {
            return File.ReadLines($"/proc/{pid}/cwd/postmaster.pid").Take(2).SequenceEqual(pidFileLines.Take(2));
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return true; // another user's process, or one that just exited: left alone
        }
    }

    private void RemoveStalePidFile(int pid)
    {
        _logger.LogWarning("postmaster.pid in {DataDirectory} names PID {Pid}, which now belongs to another program; removing the stale file",
            DataDirectory, pid);
        File.Delete(PidFile);
    }

    private bool CanConnect(out string problem)
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString());
            connection.Open();
            problem = "";
            return true;
        }
        // Retrying cannot help: only the operator can bring back the right password.
        catch (NpgsqlException e) when (IsRefusedCredentials(e))
        {
            throw CredentialsRefused(e);
        }
        catch (NpgsqlException e)
        {
            problem = $"no connection to 127.0.0.1:{Port} ({e.Message})";
            return false;
        }
    }

    private bool IsRefusedCredentials(NpgsqlException e) => e is PostgresException server
        ? server.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
        // Asked for a password it does not have, Npgsql gives up before the server can answer 28P01. Should its wording
        // change, the start is merely retried until ReadyTimeout and then reported with Npgsql's message.
        : _password is null && e.Message.Contains("password", StringComparison.OrdinalIgnoreCase);

    private EmbeddedPostgresException CredentialsRefused(NpgsqlException e) =>
        Failure(_password is null
            ? $"PostgreSQL on 127.0.0.1:{Port} asks for a password, but the credentials file {CredentialsFile} is missing: " +
              $"restore it, or stop PostgreSQL and delete {DataDirectory} (its records are lost) to start from an empty store."
            : $"PostgreSQL on 127.0.0.1:{Port} refused the password in {CredentialsFile}, which does not belong to {DataDirectory}: " +
              $"restore the right file, or stop PostgreSQL and delete both (the records are lost) to start from an empty store.",
            $"Error: {(e is PostgresException server ? $"{server.SqlState}: {server.MessageText}" : e.Message)}", e);

    private void EnsureConfiguredPortIsFree()
    {
        var configured = ConfiguredPort();
        if (configured is { } port && IsFree(port)) return;

        var chosen = FreePort();
        if (configured is not null)
            _logger.LogInformation("Port {Port} is taken by another program; PostgreSQL moves to port {NewPort}", configured, chosen);
        WriteServerSettings(chosen);
    }

    private int? ConfiguredPort()
    {
        const string setting = "port = ";
        var line = ReadLinesOrEmpty(SettingsFile).FirstOrDefault(l => l.StartsWith(setting, StringComparison.Ordinal));
        return int.TryParse(line?[setting.Length..], out var port) ? port : null;
    }

    /// <summary>
    /// Keeps the port and listen address in the data folder, so that a bare <c>pg_ctl start -D</c> by anyone brings
    /// back the same server (pg_ctl forgets the <c>-o</c> options of an earlier start).
    /// </summary>
    private void WriteServerSettings(int port)
    {
        File.WriteAllText(SettingsFile, $"""
            # Written by RehabLedger, which moves the port when another program has taken it.
            # Included at the end of postgresql.conf; ALTER SYSTEM (postgresql.auto.conf) still overrides it.
            port = {port}
            # TCP on 127.0.0.1 only: no socket folder to own, no socket path length limit, nothing in /var/run/postgresql.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            shared_buffers = 128MB
            # Clinical records: a commit is acknowledged only once it is on disk.
            fsync = on
            synchronous_commit = on
            full_page_writes = on

            """);
        Binaries.GiveToPostgresUser(SettingsFile);
        IncludeSettingsInPostgresqlConf();
    }

    private void IncludeSettingsInPostgresqlConf()
    {
        var postgresqlConf = Path.Combine(DataDirectory, "postgresql.conf");
        var include = $"include = '{SettingsFileName}'";
        if (ReadLinesOrEmpty(postgresqlConf).Any(line => line.Trim() == include)) return;
        File.AppendAllText(postgresqlConf, $"\n# RehabLedger's port, listen address and sizing.\n{include}\n");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        // PostgreSQL binds with SO_REUSEADDR: its own last run's connections in TIME_WAIT do not take the port.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string AdminConnectionString() =>
        // No pooling: these few connections would otherwise idle on as backends for the life of the process.
        AdminConnectionString("postgres");

    private string AdminConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionStringFor(database, PostgresBinaries.PostgresUser, _password)) { Pooling = false, Timeout = 5 }
            .ConnectionString;

    private string ConnectionStringFor(string database, string user, string? password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = user,
            Password = password,
            Database = database,
        }.ConnectionString;

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    private static string[] ReadLinesOrEmpty(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }

    private EmbeddedPostgresException Failure(string problem, string? details = null, Exception? inner = null) =>
        new($"{problem}\n{(details is null ? "" : details + "\n")}Last lines of {LogFile}:\n{LogTail()}", inner);

    private string LogTail()
    {
        const int tailBytes = 4096;
        try
        {
            using var log = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            log.Seek(Math.Max(0, log.Length - tailBytes), SeekOrigin.Begin);
            var lines = new StreamReader(log).ReadToEnd().TrimEnd().Split('\n');
            // The first line of a cut read is usually a partial one.
            return string.Join('\n', log.Length > tailBytes ? lines.Skip(1) : lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(no log: {e.Message})";
        }
    }

    private enum PostmasterState { NotRunning, Running, Transient, Stale }

    private sealed record Postmaster(PostmasterState State, int Pid = 0, int Port = 0, string Situation = "");
}

/// <summary>A step of running the embedded PostgreSQL failed; the message says which command and shows the server log's end.</summary>
public class EmbeddedPostgresException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>This machine cannot run an embedded PostgreSQL: the message says what to install or configure instead.</summary>
public sealed class EmbeddedPostgresUnavailableException(string message) : EmbeddedPostgresException(message);

/// <summary>The passwords of an embedded data folder's <c>postgres</c> superuser and of the service's own role (null in files from before it).</summary>
internal sealed record StoredPasswords(string Superuser, string? Service);

/// <summary>
/// The passwords of an embedded data folder (see <see cref="StoredPasswords"/>). They are kept in a file beside the folder, never
/// inside it: the postgres OS user owns the data folder and anything in it travels with its copies, while this file
/// belongs to the user running the service alone (mode 600; as root it stays root's). It is a <c>.pgpass</c> file, so
/// <c>PGPASSFILE=FILE psql -h 127.0.0.1 -p PORT -U postgres</c> (or <c>-U rehabledger</c>) connects too.
/// </summary>
internal static class PostgresCredentials
{
    internal const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    internal const UnixFileMode TraversableFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The data folder's path with <c>.credentials</c> appended: <c>/var/lib/rehabledger/postgres.credentials</c>.</summary>
    internal static string FileFor(string dataDirectory) => Path.TrimEndingDirectorySeparator(dataDirectory) + ".credentials";

    // URL-safe base64 has no ':' or '\', which .pgpass would need escaped.
    internal static string NewPassword() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    internal static void Write(string path, StoredPasswords passwords)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        WriteOwnerOnly(temporary,
            "# The passwords of the embedded PostgreSQL beside this file, written by RehabLedger (.pgpass format): the postgres\n" +
            $"# superuser, which only provisions, and {EmbeddedPostgres.ServiceRole}, the role the service connects as.\n" +
            $"127.0.0.1:*:*:{PostgresBinaries.PostgresUser}:{passwords.Superuser}\n" +
            (passwords.Service is null ? "" : $"127.0.0.1:*:*:{EmbeddedPostgres.ServiceRole}:{passwords.Service}\n"));
        // Renamed into place, so a crash never leaves a half-written file.
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The passwords, or null when there is no credentials file (a folder created with trust authentication).</summary>
    internal static StoredPasswords? Read(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The embedded PostgreSQL relies on Unix file modes.");
        if (!File.Exists(path)) return null;
        // Whoever can write the folder above could otherwise point us at another file, or hand us a password others know.
        if (new FileInfo(path).LinkTarget is not null) throw Refused(path, "it is a symbolic link");
        using var handle = File.OpenHandle(path);
        if ((File.GetUnixFileMode(handle) & GroupOrOther) != 0)
            throw Refused(path, $"users other than its owner may use it (restrict it with `chmod 600 {path}`)");
        using var reader = new StreamReader(new FileStream(handle, FileAccess.Read));
        var text = reader.ReadToEnd();
        var superuser = PasswordIn(text, PostgresBinaries.PostgresUser) ?? throw Refused(path, "it holds no line 127.0.0.1:*:*:postgres:PASSWORD");
        return new StoredPasswords(superuser, PasswordIn(text, EmbeddedPostgres.ServiceRole));
    }

    /// <summary>
    /// The file initdb reads the password from (<c>--pwfile</c>), beside the data folder because initdb wants that
    /// folder empty. The caller deletes it as soon as initdb is done.
    /// </summary>
    internal static string WriteInitdbPasswordFile(string dataDirectory, string password, PostgresBinaries binaries)
    {
        var path = Path.TrimEndingDirectorySeparator(dataDirectory) + ".initdb-password";
        File.Delete(path); // left behind by a start killed while initdb ran
        WriteOwnerOnly(path, password + "\n");
        // As root, initdb runs as the postgres user, who must read it; its mode still keeps everyone else out.
        binaries.GiveToPostgresUser(path);
        return path;
    }

    /// <summary>As root, the folders created above the data folder stay root's but must let the postgres user through.</summary>
    internal static void MakeTraversable(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(folder, TraversableFolder);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The embedded PostgreSQL relies on Unix file modes.");
        // Created owner-only and new (never an existing file or link), so at no moment can anyone else read it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        using (var stream = new FileStream(path, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            // A data folder whose password was lost in a power cut cannot be opened again.
            stream.Flush(flushToDisk: true);
        }
        // Exactly 600 whatever the umask took away.
        File.SetUnixFileMode(path, OwnerOnly);
    }

    // .pgpass: host:port:database:user:password, '#' starts a comment, '\' escapes ':' and '\'.
    private static string? PasswordIn(string text, string user) =>
        text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 5))
            .Where(fields => fields.Length == 5 && fields[3] == user)
            .Select(fields => Regex.Replace(fields[4], @"\\(.)", "$1"))
            .FirstOrDefault();

    // The message names the file, never what it holds.
    private static EmbeddedPostgresException Refused(string path, string reason) =>
        new($"The credentials file {path} of the embedded PostgreSQL is not used: {reason}.");
}
