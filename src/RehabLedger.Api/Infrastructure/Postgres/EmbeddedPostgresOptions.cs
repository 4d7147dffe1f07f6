namespace RehabLedger.Infrastructure.Postgres;

/// <summary>
/// The PostgreSQL server RehabLedger runs itself when no connection string is configured
/// (configuration section <c>EmbeddedPostgres</c>).
/// </summary>
public sealed class EmbeddedPostgresOptions
{
    public const string SectionName = "EmbeddedPostgres";

    /// <summary>
    /// The PostgreSQL data folder. It is kept between runs, so the records survive a restart. When not set:
    /// <list type="number">
    /// <item><c>$REHABLEDGER_HOME/postgres</c> when <c>REHABLEDGER_HOME</c> is set;</item>
    /// <item>as root, <c>/var/lib/rehabledger/postgres</c>: the server then runs as the <c>postgres</c> user,
    /// who cannot enter <c>/root</c>;</item>
    /// <item>otherwise <c>$XDG_DATA_HOME/rehabledger/postgres</c>, or <c>~/.local/share/rehabledger/postgres</c>
    /// when <c>XDG_DATA_HOME</c> is not set.</item>
    /// </list>
    /// The <c>postgres</c> superuser's password is kept beside the folder, in <c>&lt;folder&gt;.credentials</c>
    /// (mode 600, owned by the user running the service).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The folder holding <c>initdb</c> and <c>pg_ctl</c>. When not set, or when they are not there, PATH and the
    /// usual install folders (<c>/usr/lib/postgresql/*/bin</c>, newest first, and others) are searched.
    /// </summary>
    public string? BinDirectory { get; set; }

    /// <summary>The database RehabLedger uses; it is created on the first start.</summary>
    public string Database { get; set; } = "rehabledger";

    /// <summary>
    /// How long a failing <c>pg_ctl start</c> is retried: a postmaster killed a moment ago stays a zombie (about 2 s
    /// here) and its backends take a moment to exit, while a broken setting fails every time.
    /// </summary>
    internal TimeSpan StartRetryWindow { get; init; } = TimeSpan.FromSeconds(10);

    internal string ResolveDataDirectory(bool runningAsRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory)
            ? DefaultDataDirectory(runningAsRoot, Environment.GetEnvironmentVariable)
            : DataDirectory);

    internal static string DefaultDataDirectory(bool runningAsRoot, Func<string, string?> environment)
    {
        if (NonEmpty(environment("REHABLEDGER_HOME")) is { } home) return Path.Combine(home, "postgres");
        if (runningAsRoot) return "/var/lib/rehabledger/postgres";
        var dataHome = NonEmpty(environment("XDG_DATA_HOME"))
            ?? Path.Combine(NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "rehabledger", "postgres");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
