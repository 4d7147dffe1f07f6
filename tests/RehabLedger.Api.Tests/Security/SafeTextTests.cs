using RehabLedger.Common;

namespace RehabLedger.Tests.Security;

/// <summary>The one rule for the characters of any text the service accepts, case by case.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("Ana Rivera")]
    [InlineData("Zoë Ñúñez 🦵")]
    [InlineData("\u202Eevil\u202C \u200B")] // format characters are text, answered escaped
    [InlineData("line\u2028separator")]
    [InlineData("\\u0000 written out")]
    [InlineData("")]
    public void ordinary_text_is_safe_on_one_line_and_on_many(string text)
    {
        SafeText.IsSafe(text, multiline: false).ShouldBeTrue();
        SafeText.IsSafe(text, multiline: true).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Knee\tpain")]
    [InlineData("Antalgic gait.\nNo effusion.")]
    [InlineData("Windows\r\nline")]
    public void tab_and_line_breaks_are_free_text_only(string text)
    {
        SafeText.IsSafe(text, multiline: true).ShouldBeTrue();
        SafeText.IsSafe(text, multiline: false).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a\u0000b", "a control character U+0000 at position 1")]
    [InlineData("\u0001", "a control character U+0001 at position 0")]
    [InlineData("esc\u001b[2J", "a control character U+001B at position 3")]
    [InlineData("del\u007f", "a control character U+007F at position 3")]
    [InlineData("c1\u0085", "a control character U+0085 at position 2")]
    [InlineData("c1\u009f", "a control character U+009F at position 2")]
    [InlineData("x\uFFFE", "the noncharacter U+FFFE at position 1")]
    [InlineData("x\uFFFF", "the noncharacter U+FFFF at position 1")]
    [InlineData("x\uFDD0", "the noncharacter U+FDD0 at position 1")]
    [InlineData("x\U0010FFFF", "the noncharacter U+10FFFF at position 1")]
    [InlineData("x\U0001FFFE", "the noncharacter U+1FFFE at position 1")]
    public void controls_lone_surrogates_and_noncharacters_are_refused_everywhere(string text, string problem)
    {
        SafeText.FirstProblem(text, multiline: true).ShouldBe(problem);
        SafeText.IsSafe(text, multiline: true).ShouldBeFalse();
        SafeText.IsSafe(text, multiline: false).ShouldBeFalse();
    }

    // Not as InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void an_unpaired_surrogate_is_refused_wherever_it_stands()
    {
        SafeText.FirstProblem("half \ud83e", multiline: true).ShouldBe("an unpaired surrogate U+D83E at position 5");
        SafeText.FirstProblem("half \ud83e a leg", multiline: true).ShouldBe("an unpaired surrogate U+D83E at position 5");
        SafeText.FirstProblem("\udd75 low first", multiline: true).ShouldBe("an unpaired surrogate U+DD75 at position 0");
        SafeText.FirstProblem("swapped \udd75\ud83e", multiline: false).ShouldBe("an unpaired surrogate U+DD75 at position 8");
        SafeText.IsSafe("paired \ud83e\udd75", multiline: false).ShouldBeTrue();
    }

    [Fact]
    public void a_command_refuses_a_line_break_in_a_name_and_keeps_one_in_free_text()
    {
        Should.Throw<ClinicalRuleViolation>(() => Validate.Required("Harbor\nPT", "input.name")).Field.ShouldBe("input.name");
        Validate.Required("Gait.\nNo effusion.", "input.findings", Validate.LongText).ShouldBe("Gait.\nNo effusion.");
        Should.Throw<ClinicalRuleViolation>(() => Validate.Optional("Gait\u0000", "input.findings", Validate.LongText))
            .Message.ShouldBe($"input.findings holds a control character U+0000 at position 4; {SafeText.Rule}.");
    }
}
