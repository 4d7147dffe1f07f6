using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Security;
using RehabLedger.Tests.Support;
using Xunit.Abstractions;

namespace RehabLedger.Tests.Live;

/// <summary>
/// A second node: the built service as a process of its own on the test host's database, with the same signing key.
/// A write through the test host (node A) reaches a subscriber of the process (node B) over real HTTP.
/// </summary>
public sealed class when_two_nodes_share_one_store(AppFixture fixture, ITestOutputHelper output) : AppScenario(fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task a_write_on_one_node_is_delivered_to_a_subscriber_on_the_other()
    {
        var connection = Environment.GetEnvironmentVariable("REHABLEDGER_TEST_CONNECTION") is { Length: > 0 } external
            ? external
            : Host.Services.GetRequiredService<EmbeddedPostgres>().ConnectionString;
        var configuration = Host.Services.GetRequiredService<IConfiguration>();
        var port = FreePort();
        using var nodeB = ServiceProcess.Start(Path.Combine("/tmp", $"rehabledger-node-b-{Guid.NewGuid():N}"), port, new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connection,
            ["Auth__SigningKey"] = configuration["Auth:SigningKey"]!,
        });
        try
        {
            await nodeB.WaitForLine("Now listening on", StartTimeout);

            // Node B checks tokens against the real clock, not the test host's fixed "today".
            var token = new TokenIssuer(Host.Services.GetRequiredService<AuthSettings>(), TimeProvider.System).Issue(TestTokens.PlatformAdmin).Token;
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream")
            {
                Content = new StringContent(JsonSerializer.Serialize(new
                {
                    query = "subscription { auditTrail(filter: { eventTypes: [\"clinic_registered\"] }) { sequence streamId type } }",
                }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var wait = new CancellationTokenSource(SseClient.Patience);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, wait.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(wait.Token));

            var clinicId = await Host.RegisterClinic("Written on node A");

            string? line;
            while ((line = await reader.ReadLineAsync(wait.Token)) is not null && !line.StartsWith("data:")) { }
            line.ShouldNotBeNull();
            var e = JsonDocument.Parse(line["data:".Length..]).RootElement.GetProperty("data").GetProperty("auditTrail");
            e.GetProperty("streamId").GetString().ShouldBe(clinicId.ToString());
            e.GetProperty("type").GetString().ShouldBe("clinic_registered");
        }
        finally
        {
            output.WriteLine(nodeB.Output);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
