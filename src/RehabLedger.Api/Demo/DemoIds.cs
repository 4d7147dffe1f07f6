namespace RehabLedger.Demo;

/// <summary>The kinds of demo entries; the value is the first hex digit of their ids.</summary>
public enum DemoEntry
{
    Assessment = 1,
    Certification = 2,
    Goal = 3,
    ProgressReport = 4,
    Exercise = 5,
    ProgramChange = 6,
    Session = 8,
    HomeLog = 9,
}

/// <summary>
/// Every demo record has a fixed id, so the README's examples and the tests can name it. Entries read as
/// <c>{kind}{episode}000000-0000-4000-8000-{n}</c>: <c>51000000-0000-4000-8000-000000000002</c> is episode 1's
/// second exercise, counted in the order its script adds them.
/// </summary>
public static class DemoIds
{
    public static Guid Patient(int n) => Guid.Parse($"a0000000-0000-4000-8000-{n:D12}");

    public static Guid Episode(int n) => Guid.Parse($"e0000000-0000-4000-8000-{n:D12}");

    public static Guid Entry(DemoEntry kind, int episode, int n) => Guid.Parse($"{(int)kind:x}{episode:x}000000-0000-4000-8000-{n:D12}");
}
