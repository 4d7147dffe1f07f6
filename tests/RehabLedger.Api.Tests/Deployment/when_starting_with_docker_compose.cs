using System.Text.RegularExpressions;
using RehabLedger.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RehabLedger.Tests.Deployment;

/// <summary>
/// docker-compose.yml starts a safe deployment by default. No Docker engine runs here, so the file itself is read:
/// what it publishes, in which environment the service runs, what it requires, what it pins.
/// </summary>
public sealed class when_starting_with_docker_compose
{
    private static readonly YamlMappingNode Services = (YamlMappingNode)Compose()["services"];
    private static readonly YamlMappingNode Api = (YamlMappingNode)Services["api"];

    [Fact]
    public void the_service_runs_in_production()
    {
        Environment(Api)["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        Environment(Api).ShouldNotContainKey("Demo__Seed");
    }

    [Fact]
    public void the_signing_key_and_the_database_password_are_required_with_a_message_not_defaulted()
    {
        Environment(Api)["Auth__SigningKey"].ShouldMatch(@"^\$\{REHABLEDGER_SIGNING_KEY:\?.*openssl rand -base64 32.*\}$");
        Environment((YamlMappingNode)Services["postgres"])["POSTGRES_PASSWORD"].ShouldMatch(@"^\$\{POSTGRES_PASSWORD:\?.+\}$");
        File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitignore")).ShouldContain(".env");
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".env.example")).ShouldContain("REHABLEDGER_SIGNING_KEY=");
    }

    [Fact]
    public void nothing_is_published_beyond_this_machine()
    {
        foreach (var (name, service) in Services.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)))
        {
            if (!service.Children.ContainsKey("ports")) continue;
            foreach (var port in ((YamlSequenceNode)service["ports"]).Children.Cast<YamlScalarNode>())
                port.Value.ShouldStartWith("127.0.0.1:", customMessage: $"{name} publishes {port.Value}");
        }
        ((YamlMappingNode)Services["postgres"]).Children.ShouldNotContainKey(new YamlScalarNode("ports"));
    }

    [Fact]
    public void the_service_has_a_health_check_that_needs_no_curl()
    {
        var test = ((YamlSequenceNode)((YamlMappingNode)Api["healthcheck"])["test"]).Children.Cast<YamlScalarNode>().Select(n => n.Value).ToList();
        test.ShouldBe(["CMD", "dotnet", "RehabLedger.Api.dll", "--probe", "http://127.0.0.1:8080/health/ready"]);
        Dockerfile().ShouldContain("HEALTHCHECK");
    }

    [Fact]
    public void the_base_images_are_pinned_to_exact_versions()
    {
        var from = Regex.Matches(Dockerfile(), @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        from.Count.ShouldBe(2);
        from.ShouldAllBe(image => Regex.IsMatch(image, @":\d+\.\d+\.\d+$") || image.Contains("@sha256:"));
        ((YamlScalarNode)((YamlMappingNode)Services["postgres"])["image"]).Value!.ShouldMatch(@":\d+\.\d+(-\w+)?$");
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    private static string Dockerfile() => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "RehabLedger.Api", "Dockerfile"));
}
