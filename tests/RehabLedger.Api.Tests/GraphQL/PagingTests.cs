using System.Text;
using GraphQL.Types.Relay.DataObjects;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Tests.GraphQL;

public sealed class PagingTests
{
    private static readonly IReadOnlyList<string> Items = Enumerable.Range(1, 45).Select(i => $"item-{i:00}").ToList();

    private static Connection<string> Page(int? first = null, string? after = null, IReadOnlyList<string>? items = null) =>
        Paging.Page(items ?? Items, x => x, first, after);

    private static ClinicalRuleViolation Refused(int? first = null, string? after = null) =>
        Should.Throw<ClinicalRuleViolation>(() => Page(first, after));

    [Fact]
    public void the_first_page_holds_20_items_by_default_and_says_more_follow()
    {
        var page = Page();
        page.Edges!.Select(e => e.Node).ShouldBe(Items.Take(20));
        page.TotalCount.ShouldBe(45);
        page.PageInfo!.HasNextPage.ShouldBeTrue();
        page.PageInfo.HasPreviousPage.ShouldBeFalse();
        page.PageInfo.StartCursor.ShouldBe(page.Edges![0].Cursor);
        page.PageInfo.EndCursor.ShouldBe(page.Edges[^1].Cursor);
    }

    [Fact]
    public void after_the_end_cursor_comes_the_next_page_and_the_last_page_says_no_more()
    {
        var first = Page(first: 20);
        var second = Page(first: 20, after: first.PageInfo!.EndCursor);
        var third = Page(first: 20, after: second.PageInfo!.EndCursor);

        second.Edges!.Select(e => e.Node).ShouldBe(Items.Skip(20).Take(20));
        second.PageInfo.HasPreviousPage.ShouldBeTrue();
        third.Edges!.Select(e => e.Node).ShouldBe(Items.Skip(40));
        third.PageInfo!.HasNextPage.ShouldBeFalse();
        third.TotalCount.ShouldBe(45);
    }

    [Fact]
    public void a_page_that_ends_exactly_at_the_last_item_has_no_next_page()
    {
        var page = Page(first: 45);
        page.Edges!.Count.ShouldBe(45);
        page.PageInfo!.HasNextPage.ShouldBeFalse();
        var beyond = Page(after: page.PageInfo.EndCursor);
        beyond.Edges.ShouldBeEmpty();
        beyond.PageInfo!.HasNextPage.ShouldBeFalse();
        beyond.PageInfo.EndCursor.ShouldBeNull();
    }

    [Fact]
    public void an_item_added_in_front_between_two_requests_neither_repeats_nor_skips_an_item()
    {
        var first = Page(first: 10);
        var grown = Items.Prepend("item-00").ToList();
        Page(first: 10, after: first.PageInfo!.EndCursor, items: grown).Edges!.Select(e => e.Node).ShouldBe(Items.Skip(10).Take(10));
    }

    [Fact]
    public void an_empty_list_is_an_empty_page()
    {
        var page = Page(items: []);
        page.Edges.ShouldBeEmpty();
        page.TotalCount.ShouldBe(0);
        page.PageInfo!.HasNextPage.ShouldBeFalse();
        page.PageInfo.StartCursor.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void first_may_be_anything_from_0_to_100(int first)
    {
        var page = Page(first: first, items: Enumerable.Range(0, 150).Select(i => i.ToString()).ToList());
        page.Edges!.Count.ShouldBe(first);
        page.PageInfo!.HasNextPage.ShouldBeTrue();
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void first_beyond_the_cap_or_negative_is_refused_not_clamped(int first)
    {
        var refusal = Refused(first: first);
        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("first");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("aXRlbS0wMQ==")] // "item-01" without the service's prefix: not a cursor we issued
    [InlineData("")]
    public void text_that_is_not_one_of_our_cursors_is_refused(string after)
    {
        var refusal = Refused(after: after);
        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("after");
    }

    [Fact]
    public void a_cursor_naming_an_item_no_longer_in_the_list_is_refused()
    {
        Refused(after: Paging.Cursor("item-99")).Field.ShouldBe("after");
    }

    [Fact]
    public void cursors_are_opaque_base64_that_round_trip_to_their_key()
    {
        var cursor = Paging.Cursor("0190f7c4-0000-7000-8000-000000000001");
        cursor.ShouldNotContain("0190f7c4");
        Convert.FromBase64String(cursor).ShouldNotBeEmpty();
        Paging.KeyOf(cursor).ShouldBe("0190f7c4-0000-7000-8000-000000000001");
        Paging.KeyOf(Convert.ToBase64String(new byte[] { 0xff, 0xfe, 0xfd })).ShouldBeNull();
        Paging.KeyOf(Convert.ToBase64String(Encoding.UTF8.GetBytes("other:1"))).ShouldBeNull();
    }
}
