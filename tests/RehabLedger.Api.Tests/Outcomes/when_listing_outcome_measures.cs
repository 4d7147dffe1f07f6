using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Outcomes;

public sealed class when_listing_outcome_measures(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task the_catalog_lists_every_measure_with_range_direction_and_mcid_source()
    {
        var measures = (await GraphQL("{ outcomeMeasures { code minimum maximum unit direction mcid { threshold source } } }"))
            .Ok()["outcomeMeasures"]!.AsArray();

        measures.Select(m => m!["code"]!.GetValue<string>())
            .ShouldBe(["NPRS", "LEFS", "ODI", "DASH", "QuickDASH", "KOOSJR", "BBS", "TUG", "6MWT", "PSFS", "NDI", "ROM", "MMT"]);
        var koos = measures.Single(m => m!["code"]!.GetValue<string>() == "KOOSJR")!;
        koos["mcid"]!["threshold"]!.GetValue<decimal>().ShouldBe(15.1m);
        koos["direction"]!.GetValue<string>().ShouldBe("HIGHER_IS_BETTER");
        var tug = measures.Single(m => m!["code"]!.GetValue<string>() == "TUG")!;
        tug["maximum"].ShouldBeNull();
        tug["direction"]!.GetValue<string>().ShouldBe("LOWER_IS_BETTER");
    }
}
