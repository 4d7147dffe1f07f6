using RehabLedger.Common;

namespace RehabLedger.Tests.Common;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("Dana Whitfield")]
    [InlineData("Zoë O'Brien-Łukasz")]
    [InlineData("王秀英")]
    [InlineData("محمد")]
    [InlineData("Knee \U0001F9B5 rehab")]
    [InlineData("")]
    public void text_a_person_writes_is_safe_on_one_line(string text) => SafeText.IsSafe(text, multiline: false).ShouldBeTrue();

    [Theory]
    [InlineData("a\0b")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001B[31m")]
    [InlineData("del\u007F")]
    [InlineData("c1\u0085")]
    [InlineData("nonchar \uFFFE")]
    [InlineData("nonchar \uFFFF")]
    [InlineData("nonchar \uFDD0")]
    [InlineData("plane 1 nonchar \U0001FFFF")]
    public void control_characters_broken_surrogates_and_noncharacters_are_not(string text)
    {
        SafeText.IsSafe(text, multiline: false).ShouldBeFalse();
        SafeText.Problem(text, multiline: false, "name").ShouldNotBeNull().ShouldContain("name");
    }

    // Not theory data: a test runner's serialization would turn a lone surrogate into U+FFFD, which is text.
    [Fact]
    public void unpaired_surrogates_are_not_text()
    {
        foreach (var text in new[] { "lone high \uD800", "lone low \uDC00 first", "\uDC00\uD800", "\uD83D" })
        {
            SafeText.IsSafe(text, multiline: false).ShouldBeFalse(text);
            SafeText.IsSafe(text, multiline: true).ShouldBeFalse(text);
        }
    }

    [Fact]
    public void multi_line_text_may_hold_tabs_and_line_breaks_and_nothing_else_of_the_kind()
    {
        SafeText.IsSafe("Findings:\r\n\t- stairs independent\n", multiline: true).ShouldBeTrue();
        SafeText.IsSafe("Findings:\0", multiline: true).ShouldBeFalse();
        SafeText.IsSafe("Findings \u000B vertical tab", multiline: true).ShouldBeFalse();
        SafeText.IsSafe("\uD83D", multiline: true).ShouldBeFalse();
    }

    [Fact]
    public void the_first_unsafe_character_is_located()
    {
        SafeText.IndexOfUnsafe("ok", multiline: false).ShouldBe(-1);
        SafeText.IndexOfUnsafe("ab\0c\0", multiline: false).ShouldBe(2);
        SafeText.IndexOfUnsafe("\U0001F9B5\uD800", multiline: false).ShouldBe(2);
    }
}
