using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RehabLedger.Infrastructure.Postgres;
using Xunit.Abstractions;

namespace RehabLedger.Tests.Infrastructure.Postgres;

// Unix file modes are part of what is tested; the embedded server needs a Unix machine anyway.
[UnsupportedOSPlatform("windows")]
public sealed class when_running_an_embedded_postgres(ITestOutputHelper output) : IDisposable
{
    // Under /tmp rather than $TMPDIR: the postgres user, who runs the server when the tests run as root, must enter it.
    private readonly string _root = Path.Combine("/tmp", $"rehabledger-tests-{Guid.NewGuid():N}");
    private readonly List<string> _dataDirectories = [];
    private readonly ConcurrentQueue<string> _logged = new();

    [Fact]
    public void a_fresh_data_folder_is_initialized_and_answers_queries()
    {
        using var postgres = Start(out var options);

        Scalar<int>(postgres, "select 1").ShouldBe(1);
        Scalar<string>(postgres, "select current_database()").ShouldBe(options.Database);
        postgres.DataDirectory.ShouldBe(options.DataDirectory);
        postgres.ReusedRunningServer.ShouldBeFalse();
        postgres.ConnectionString.ShouldContain($"Port={postgres.Port}");
    }

    [Fact]
    public void rows_survive_a_stop_and_a_start()
    {
        var first = Start(out var options);
        Execute(first, "create table note (text text); insert into note values ('knee flexion 95 degrees')");
        first.Stop();
        File.Exists(PidFile(first)).ShouldBeFalse();

        using var second = EmbeddedPostgres.Start(options, Logger());

        second.ReusedRunningServer.ShouldBeFalse();
        Scalar<string>(second, "select text from note").ShouldBe("knee flexion 95 degrees");
    }

    [Fact]
    public void a_second_start_on_a_live_data_folder_reuses_the_server_on_the_same_port()
    {
        using var first = Start(out var options);

        using var second = EmbeddedPostgres.Start(options, Logger());

        second.ReusedRunningServer.ShouldBeTrue();
        second.Port.ShouldBe(first.Port);
        Scalar<int>(second, "select 1").ShouldBe(1);
    }

    [Fact]
    public void a_start_after_the_postmaster_was_killed_recovers_the_committed_rows()
    {
        using var first = Start(out var options);
        Execute(first, "create table note (text text); insert into note values ('gait: 6 min walk 420 m')");
        using var postmaster = Process.GetProcessById(int.Parse(File.ReadLines(PidFile(first)).First()));

        postmaster.Kill(); // SIGKILL: no shutdown, postmaster.pid stays, the process lingers as a zombie
        using var second = EmbeddedPostgres.Start(options, Logger());

        second.ReusedRunningServer.ShouldBeFalse();
        Scalar<string>(second, "select text from note").ShouldBe("gait: 6 min walk 420 m");
    }

    [Fact]
    public void a_port_taken_by_another_program_moves_the_server_to_a_free_port()
    {
        var first = Start(out var options);
        first.Stop();
        using var squatter = new TcpListener(IPAddress.Loopback, first.Port);
        squatter.Start();

        using var second = EmbeddedPostgres.Start(options, Logger());

        second.Port.ShouldNotBe(first.Port);
        Scalar<int>(second, "select 1").ShouldBe(1);
        File.ReadAllText(Path.Combine(options.DataDirectory!, "rehabledger.conf")).ShouldContain($"port = {second.Port}");
    }

    [Fact]
    public void a_bare_pg_ctl_start_brings_back_the_same_server()
    {
        var first = Start(out _);
        first.Stop();

        var start = first.Binaries.Run("pg_ctl", "start", "-w", "-D", first.DataDirectory, "-l", first.LogFile);

        start.Succeeded.ShouldBeTrue(start.ToString());
        Scalar<int>(first, "select 1").ShouldBe(1);
    }

    [Fact]
    public void a_stale_pid_file_naming_another_program_is_cleared()
    {
        var first = Start(out var options);
        var livePidFile = File.ReadAllLines(PidFile(first));
        first.Stop();
        using var otherProgram = StartProgramAsServerUser(first.Binaries);
        File.WriteAllLines(PidFile(first), [otherProgram.Id.ToString(), .. livePidFile.Skip(1)]);
        try
        {
            using var second = EmbeddedPostgres.Start(options, Logger());

            second.ReusedRunningServer.ShouldBeFalse();
            Scalar<int>(second, "select 1").ShouldBe(1);
        }
        finally
        {
            otherProgram.Kill();
        }
    }

    [Fact]
    public void a_server_that_cannot_start_is_reported_with_the_command_and_the_end_of_its_log()
    {
        var first = Start(out var options);
        first.Stop();
        File.AppendAllText(Path.Combine(first.DataDirectory, "postgresql.auto.conf"), "shared_buffers = 'plenty'\n");
        var noRetry = new EmbeddedPostgresOptions { DataDirectory = options.DataDirectory, StartRetryWindow = TimeSpan.Zero };

        var error = Should.Throw<EmbeddedPostgresException>(() => EmbeddedPostgres.Start(noRetry, Logger()));

        error.Message.ShouldContain($"pg_ctl start -w -t 60 -D {first.DataDirectory}");
        error.Message.ShouldContain("invalid value for parameter \"shared_buffers\": \"plenty\"");
    }

    [Fact]
    public void stopping_twice_and_disposing_is_harmless()
    {
        var postgres = Start(out _);

        postgres.Stop();
        postgres.Stop();
        postgres.Dispose();
        postgres.DisposeAsync().IsCompletedSuccessfully.ShouldBeTrue();

        File.Exists(PidFile(postgres)).ShouldBeFalse();
    }

    [Fact]
    public void a_new_data_folder_refuses_tcp_connections_without_its_password()
    {
        using var postgres = Start(out _);
        var password = PasswordOf(postgres);

        // Npgsql gives up itself once the server asks for SCRAM and it has no password to answer with.
        var none = Should.Throw<NpgsqlException>(() => Connect(postgres, password: null));
        none.ShouldNotBeOfType<PostgresException>();
        none.Message.ShouldContain("SCRAM-SHA-256");
        var wrong = Should.Throw<PostgresException>(() => Connect(postgres, password: "not-" + password));
        wrong.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);

        postgres.ConnectionString.ShouldContain($"Password={password}");
        Scalar<int>(postgres, "select 1").ShouldBe(1);
    }

    [Fact]
    public void the_password_lives_beside_the_data_folder_readable_by_the_service_user_only()
    {
        using var postgres = Start(out _);

        postgres.CredentialsFile.ShouldBe(postgres.DataDirectory + ".credentials");
        File.GetUnixFileMode(postgres.CredentialsFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Run("stat", "-c", "%U", postgres.CredentialsFile).ShouldBe(Environment.UserName);
        PasswordOf(postgres).Length.ShouldBeGreaterThanOrEqualTo(43); // 32 random bytes in URL-safe base64
        // Nothing else is left beside the data folder: the password file handed to initdb is gone.
        Directory.GetFileSystemEntries(_root).Order().ShouldBe([postgres.DataDirectory, postgres.CredentialsFile]);
    }

    [Fact]
    public void each_new_data_folder_gets_its_own_password()
    {
        using var first = Start(out _);
        using var second = Start(out _);

        PasswordOf(first).ShouldNotBe(PasswordOf(second));
    }

    [Fact]
    public void neither_the_logs_nor_the_errors_show_the_password()
    {
        var first = Start(out var options);
        var password = PasswordOf(first);
        var superuserPassword = SuperuserPasswordOf(first);
        first.Stop();
        File.AppendAllText(Path.Combine(first.DataDirectory, "postgresql.auto.conf"), "shared_buffers = 'plenty'\n");
        var noRetry = new EmbeddedPostgresOptions { DataDirectory = options.DataDirectory, StartRetryWindow = TimeSpan.Zero };

        var error = Should.Throw<EmbeddedPostgresException>(() => EmbeddedPostgres.Start(noRetry, Logger()));

        error.ToString().ShouldNotContain(password);
        error.ToString().ShouldNotContain(superuserPassword);
        File.ReadAllText(first.LogFile).ShouldNotContain(password);
        File.ReadAllText(first.LogFile).ShouldNotContain(superuserPassword);
        _logged.ShouldNotBeEmpty();
        _logged.ShouldAllBe(message => !message.Contains(password) && !message.Contains(superuserPassword));
    }

    [Fact]
    public void a_password_that_does_not_match_is_reported_at_once_without_showing_it()
    {
        var first = Start(out var options);
        first.Stop();
        var wrongPassword = PostgresCredentials.NewPassword();
        PostgresCredentials.Write(first.CredentialsFile, new(wrongPassword, PostgresCredentials.NewPassword()));

        var error = Should.Throw<EmbeddedPostgresException>(() => EmbeddedPostgres.Start(options, Logger()));

        error.Message.ShouldContain($"refused the password in {first.CredentialsFile}");
        error.Message.ShouldContain(PostgresErrorCodes.InvalidPassword);
        error.ToString().ShouldNotContain(wrongPassword);
        _logged.ShouldAllBe(message => !message.Contains(wrongPassword));
    }

    [Fact]
    public void a_missing_credentials_file_of_a_password_protected_folder_is_reported_at_once()
    {
        var first = Start(out var options);
        first.Stop();
        File.Delete(first.CredentialsFile);

        var error = Should.Throw<EmbeddedPostgresException>(() => EmbeddedPostgres.Start(options, Logger()));

        error.Message.ShouldContain($"asks for a password, but the credentials file {first.CredentialsFile} is missing");
    }

    [Fact]
    public void a_credentials_file_others_may_read_is_refused()
    {
        var first = Start(out var options);
        first.Stop();
        File.SetUnixFileMode(first.CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Should.Throw<EmbeddedPostgresException>(() => EmbeddedPostgres.Start(options, Logger()));

        error.Message.ShouldContain($"chmod 600 {first.CredentialsFile}");
    }

    [Fact]
    public void a_folder_created_with_trust_authentication_still_starts_and_is_left_as_it_is()
    {
        var options = CreateTrustAuthenticationFolder(out var binaries);
        var hbaFile = Path.Combine(options.DataDirectory!, "pg_hba.conf");
        var hba = File.ReadAllText(hbaFile);

        using (var first = EmbeddedPostgres.Start(options, Logger()))
        {
            Scalar<int>(first, "select 1").ShouldBe(1);
            first.ConnectionString.ShouldNotContain("Password");
            using var second = EmbeddedPostgres.Start(options, Logger());
            second.ReusedRunningServer.ShouldBeTrue();
            Scalar<int>(second, "select 1").ShouldBe(1);
        }

        // One warning per start (two starts here), saying what is wrong and how to get out of it.
        var warnings = _logged.Where(m => m.StartsWith("Warning:") && m.Contains("trust authentication")).ToList();
        warnings.Count.ShouldBe(2);
        warnings[0].ShouldContain($"delete {options.DataDirectory}");
        File.ReadAllText(hbaFile).ShouldBe(hba);
        File.Exists(PostgresCredentials.FileFor(options.DataDirectory!)).ShouldBeFalse();
    }

    [Fact]
    public void the_service_connects_as_a_role_that_owns_its_database_and_nothing_else()
    {
        using var postgres = Start(out _);

        Scalar<string>(postgres, "select current_user").ShouldBe(EmbeddedPostgres.ServiceRole);
        Scalar<bool>(postgres, "select rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls from pg_roles where rolname = current_user")
            .ShouldBeFalse();
        Scalar<string>(postgres, "select pg_get_userbyid(datdba)::text from pg_database where datname = current_database()")
            .ShouldBe(EmbeddedPostgres.ServiceRole);
        // What Marten does with its schema: create it, its tables and functions, and take advisory locks.
        Execute(postgres, "create schema clinical; create table clinical.note (text text); " +
            "create function clinical.notes() returns bigint language sql as 'select count(*) from clinical.note'; select pg_advisory_lock(42)");
        foreach (var sql in new[]
                 {
                     "create database other", "alter system set work_mem = '8MB'", "create role intruder",
                     "select pg_read_file('postgresql.conf')", "copy (select 1) to program 'true'", "alter role rehabledger superuser",
                 })
            Should.Throw<PostgresException>(() => Execute(postgres, sql)).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
    }

    [Fact]
    public void a_folder_provisioned_before_the_service_role_is_handed_to_it_and_keeps_its_records()
    {
        var old = Start(out var options);
        // The way the service left its folders before: everything the postgres superuser's, no role, one password.
        ExecuteAsSuperuser(old, $"alter database {options.Database} owner to postgres; " +
            "create schema rehabledger; create table rehabledger.note (id bigserial primary key, text text); " +
            "insert into rehabledger.note (text) values ('gait: 6 min walk 420 m'); create sequence rehabledger.numbers; " +
            "create view rehabledger.notes as select text from rehabledger.note; create type rehabledger.kind as enum ('initial'); " +
            "create function rehabledger.note_count() returns bigint language sql as 'select count(*) from rehabledger.note'");
        ExecuteAsSuperuser(old, "drop role rehabledger");
        PostgresCredentials.Write(old.CredentialsFile, new(SuperuserPasswordOf(old), Service: null));
        old.Stop();

        using var postgres = EmbeddedPostgres.Start(options, Logger());

        Scalar<string>(postgres, "select current_user").ShouldBe(EmbeddedPostgres.ServiceRole);
        Scalar<string>(postgres, "select text from rehabledger.note").ShouldBe("gait: 6 min walk 420 m");
        Scalar<long>(postgres, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname = 'rehabledger' and c.relowner <> 'rehabledger'::regrole").ShouldBe(0);
        Execute(postgres, "insert into rehabledger.note (text) values ('LEFS 52'); select nextval('rehabledger.numbers'); " +
            "alter table rehabledger.note add column at date; alter type rehabledger.kind add value 'discharge'; " +
            "create or replace function rehabledger.note_count() returns bigint language sql as 'select count(*) + 0 from rehabledger.note'");
        Scalar<long>(postgres, "select rehabledger.note_count()").ShouldBe(2);
        PostgresCredentials.Read(postgres.CredentialsFile).ShouldNotBeNull().Service.ShouldNotBeNull();
        postgres.Stop();
        using var again = EmbeddedPostgres.Start(options, Logger());
        Scalar<long>(again, "select rehabledger.note_count()").ShouldBe(2);
    }

    public void Dispose()
    {
        // Whatever a failed test left running on its folders is stopped before the folders go.
        var binaries = PostgresBinaries.Find(PostgresBinaries.SearchFolders(null, Environment.GetEnvironmentVariable("PATH")));
        foreach (var dataDirectory in _dataDirectories.Where(d => File.Exists(Path.Combine(d, "postmaster.pid"))))
            binaries.Run("pg_ctl", "stop", "-D", dataDirectory, "-m", "immediate");
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private EmbeddedPostgres Start(out EmbeddedPostgresOptions options)
    {
        Directory.CreateDirectory(_root);
        var dataDirectory = Path.Combine(_root, $"data-{_dataDirectories.Count}");
        _dataDirectories.Add(dataDirectory);
        options = new EmbeddedPostgresOptions { DataDirectory = dataDirectory, Database = "rehabledger_test" };
        return EmbeddedPostgres.Start(options, Logger());
    }

    /// <summary>A data folder as RehabLedger created them before passwords: initdb with trust authentication, no credentials file.</summary>
    private EmbeddedPostgresOptions CreateTrustAuthenticationFolder(out PostgresBinaries binaries)
    {
        Directory.CreateDirectory(_root);
        var dataDirectory = Path.Combine(_root, $"data-{_dataDirectories.Count}");
        _dataDirectories.Add(dataDirectory);
        binaries = PostgresBinaries.Find(PostgresBinaries.SearchFolders(null, Environment.GetEnvironmentVariable("PATH")));
        Directory.CreateDirectory(dataDirectory);
        binaries.GiveToPostgresUser(dataDirectory);
        var initdb = binaries.Run("initdb", "-D", dataDirectory, "-U", PostgresBinaries.PostgresUser, "--auth=trust", "-E", "UTF8", "--locale=C");
        initdb.Succeeded.ShouldBeTrue(initdb.ToString());
        return new EmbeddedPostgresOptions { DataDirectory = dataDirectory, Database = "rehabledger_test" };
    }

    private ILogger Logger() => new TestOutputLogger(output, _logged);

    /// <summary>The service role's password, the one in <see cref="EmbeddedPostgres.ConnectionString"/>.</summary>
    private static string PasswordOf(EmbeddedPostgres postgres) =>
        PostgresCredentials.Read(postgres.CredentialsFile).ShouldNotBeNull().Service.ShouldNotBeNull();

    private static string SuperuserPasswordOf(EmbeddedPostgres postgres) =>
        PostgresCredentials.Read(postgres.CredentialsFile).ShouldNotBeNull().Superuser;

    private static void ExecuteAsSuperuser(EmbeddedPostgres postgres, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString)
            { Pooling = false, Username = PostgresBinaries.PostgresUser, Password = SuperuserPasswordOf(postgres) };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    private static string PidFile(EmbeddedPostgres postgres) => Path.Combine(postgres.DataDirectory, "postmaster.pid");

    /// <summary>A long-running program of the user the server runs as, whose PID a stale postmaster.pid can name.</summary>
    private static Process StartProgramAsServerUser(PostgresBinaries binaries)
    {
        var startInfo = binaries.RunsAsPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", PostgresBinaries.PostgresUser, "--", "sh", "-c", "echo $$; exec sleep 120"])
            : new ProcessStartInfo("sh", ["-c", "echo $$; exec sleep 120"]);
        startInfo.RedirectStandardOutput = true;
        var launcher = Process.Start(startInfo)!;
        // runuser forks: the program is the shell that printed its PID, not the launcher.
        return Process.GetProcessById(int.Parse(launcher.StandardOutput.ReadLine()!));
    }

    private static T Scalar<T>(EmbeddedPostgres postgres, string sql)
    {
        using var connection = Connect(postgres);
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    private static void Execute(EmbeddedPostgres postgres, string sql)
    {
        using var connection = Connect(postgres);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // Unpooled: a pool would hand out connections that a stopped server already closed.
    private static NpgsqlConnection Connect(EmbeddedPostgres postgres)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Connect(EmbeddedPostgres postgres, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false, Password = password };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
    }

    private sealed class TestOutputLogger(ITestOutputHelper output, ConcurrentQueue<string> logged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = $"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
            logged.Enqueue(message);
            try
            {
                output.WriteLine(message);
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }
}

public sealed class when_looking_for_postgres_binaries
{
    [Fact]
    public void none_anywhere_is_reported_in_one_sentence_saying_what_to_do()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = "/tmp/rehabledger-never-created" };

        var error = Should.Throw<EmbeddedPostgresUnavailableException>(() =>
            EmbeddedPostgres.Start(options, NullLogger.Instance, ["/nonexistent/bin"]));

        error.Message.ShouldContain("apt-get install -y postgresql");
        error.Message.ShouldContain("ConnectionStrings__Marten");
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldEndWith(".");
        error.Message.TrimEnd('.').ShouldNotContain(". ");
        Directory.Exists(options.DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public void a_bogus_bin_directory_with_an_empty_path_falls_back_to_the_install_folders()
    {
        var binaries = PostgresBinaries.Find(PostgresBinaries.SearchFolders("/nonexistent/bin", pathVariable: ""));

        binaries.BinDirectory.ShouldNotBe("/nonexistent/bin");
        File.Exists(Path.Combine(binaries.BinDirectory, "pg_ctl")).ShouldBeTrue();
    }

    [Fact]
    public void the_configured_folder_comes_first_then_path_then_the_install_folders()
    {
        var folders = PostgresBinaries.SearchFolders("/opt/pg/bin", $"/a{Path.PathSeparator}/b");

        folders.Take(3).ShouldBe(["/opt/pg/bin", "/a", "/b"]);
        folders.ShouldContain("/usr/local/pgsql/bin");
        folders.ShouldContain("/opt/homebrew/bin");
    }
}

public sealed class when_choosing_the_data_folder
{
    [Fact]
    public void the_credentials_file_is_beside_the_data_folder_not_inside_it() =>
        PostgresCredentials.FileFor("/var/lib/rehabledger/postgres/").ShouldBe("/var/lib/rehabledger/postgres.credentials");

    [Fact]
    public void rehabledger_home_holds_it_even_for_root() =>
        EmbeddedPostgresOptions.DefaultDataDirectory(runningAsRoot: true, Variables(("REHABLEDGER_HOME", "/srv/rehabledger")))
            .ShouldBe("/srv/rehabledger/postgres");

    [Fact]
    public void root_gets_a_folder_the_postgres_user_can_enter() =>
        EmbeddedPostgresOptions.DefaultDataDirectory(runningAsRoot: true, Variables(("HOME", "/root"), ("XDG_DATA_HOME", "/root/.local/share")))
            .ShouldBe("/var/lib/rehabledger/postgres");

    [Fact]
    public void a_user_gets_it_under_xdg_data_home() =>
        EmbeddedPostgresOptions.DefaultDataDirectory(runningAsRoot: false, Variables(("HOME", "/home/ana"), ("XDG_DATA_HOME", "/data/ana")))
            .ShouldBe("/data/ana/rehabledger/postgres");

    [Fact]
    public void a_user_without_xdg_data_home_gets_it_under_local_share() =>
        EmbeddedPostgresOptions.DefaultDataDirectory(runningAsRoot: false, Variables(("HOME", "/home/ana")))
            .ShouldBe("/home/ana/.local/share/rehabledger/postgres");

    [Fact]
    public void a_configured_folder_wins() =>
        new EmbeddedPostgresOptions { DataDirectory = "/data/pg" }.ResolveDataDirectory(runningAsRoot: true).ShouldBe("/data/pg");

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
