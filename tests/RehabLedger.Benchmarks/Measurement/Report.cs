using System.Globalization;
using System.Text;

namespace RehabLedger.Benchmarks.Measurement;

/// <summary>A target of issue 7 and where this run stands against it.</summary>
public sealed record TargetCheck(string Target, string Measured, bool Met);

/// <summary>
/// The run's results as markdown, ready to paste into docs/benchmarks.md: one table per item of the issue, then
/// every target with met or missed.
/// </summary>
public sealed class Report
{
    // Phases run in the order the data needs (import before writes), sections print in the issue's order.
    private readonly SortedDictionary<int, StringBuilder> _sections = [];
    private StringBuilder _body = new();

    public List<TargetCheck> Targets { get; } = [];

    /// <summary>Starts (or continues) the section of item <paramref name="item"/> of the issue.</summary>
    public void Section(int item, string title)
    {
        if (_sections.TryGetValue(item, out var existing))
        {
            _body = existing;
            return;
        }
        _sections[item] = _body = new StringBuilder().AppendLine().AppendLine($"#### {item}. {title}").AppendLine();
    }

    public void Note(string text) => _body.AppendLine(text).AppendLine();

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.AppendLine($"| {string.Join(" | ", headers)} |");
        _body.AppendLine($"|{string.Join("|", headers.Select((_, i) => i == 0 ? "---" : "---:"))}|");
        foreach (var row in rows) _body.AppendLine($"| {string.Join(" | ", row)} |");
        _body.AppendLine();
    }

    /// <summary>Records a ratio against its target: at least <paramref name="minimum"/>, or at most <paramref name="maximum"/>.</summary>
    public string Check(string target, double ratio, double? minimum = null, double? maximum = null, Func<double, string>? format = null)
    {
        var met = !double.IsNaN(ratio) && (minimum is null || ratio >= minimum) && (maximum is null || ratio <= maximum);
        var measured = (format ?? Ratio)(ratio);
        Targets.Add(new TargetCheck(target, measured, met));
        return $"{measured} ({(met ? "met" : "missed")})";
    }

    public string ToMarkdown(string title)
    {
        var text = new StringBuilder().AppendLine($"### {title}");
        foreach (var section in _sections.Values) text.Append(section);
        text.AppendLine();
        text.AppendLine("#### Targets").AppendLine();
        text.AppendLine("| target | measured | verdict |").AppendLine("|---|---:|---|");
        foreach (var t in Targets) text.AppendLine($"| {t.Target} | {t.Measured} | {(t.Met ? "met" : "**missed**")} |");
        return text.ToString();
    }

    public static string Rate(double perSecond) => double.IsNaN(perSecond) ? "n/a" : perSecond.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double change) => double.IsNaN(change) ? "n/a" : change.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("#,0", CultureInfo.InvariantCulture);
}
