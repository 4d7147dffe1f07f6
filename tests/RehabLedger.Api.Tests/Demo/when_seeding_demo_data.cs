using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using RehabLedger.Demo;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Demo;

public sealed class when_seeding_demo_data(AppFixture fixture) : AppScenario(fixture)
{
    private DemoDataSeeder Seeder => new(Host.Services, Fixture.Clock, NullLogger<DemoDataSeeder>.Instance);

    [Fact]
    public async Task the_readme_examples_find_the_demo_records()
    {
        await Seeder.StartAsync(CancellationToken.None);

        var data = (await GraphQL($$"""
            {
              clinic(id: "{{DemoDataSet.ClinicId}}") { name therapists { displayName } }
              episode(id: "e0000000-0000-4000-8000-000000000001") {
                patient { familyName } measures { code baseline latest reachesMcid }
              }
            }
            """)).Ok();

        data["clinic"]!["therapists"]!.AsArray().Count.ShouldBe(2);
        data["episode"]!["patient"]!["familyName"]!.GetValue<string>().ShouldBe("Alvarez");
        var lefs = data["episode"]!["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "LEFS")!;
        lefs["baseline"]!.GetValue<decimal>().ShouldBe(38);
        lefs["latest"]!.GetValue<decimal>().ShouldBe(51);
        lefs["reachesMcid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task seeding_twice_writes_nothing_the_second_time()
    {
        await Seeder.StartAsync(CancellationToken.None);
        var once = await EventCount();
        await using (var session = Fixture.Store.QuerySession())
        {
            var events = await session.Events.QueryAllRawEvents().ToListAsync();
            events.ShouldAllBe(e => e.UserName == "system:demo-seeder");
        }
        await Seeder.StartAsync(CancellationToken.None);
        (await EventCount()).ShouldBe(once);
    }
}
