using System.Net;
using Alba;
using RehabLedger.Infrastructure;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// The signing key is judged by the bytes it decodes to: outside Development no spelling of the published development
/// key starts the service, and a key must be written as canonical base64, so it has one spelling only.
/// </summary>
// In the app collection: a host built beside the shared one while it starts can be taken for it.
[Collection(AppCollection.Name)]
public sealed class when_configuring_the_signing_key
{
    private const string DevelopmentKey = AuthSettings.DevelopmentSigningKey;

    /// <summary>The development key (70 bytes, so its base64 ends in "==") written in ways base64 readers accept.</summary>
    public static IEnumerable<object[]> SpellingsOfTheDevelopmentKey() => new (string Spelling, string Key)[]
    {
        ("a trailing space", DevelopmentKey + " "),
        ("a trailing tab", DevelopmentKey + "\t"),
        ("a leading line break", "\n" + DevelopmentKey),
        ("a space inside", DevelopmentKey[..40] + " " + DevelopmentKey[40..]),
        // The last character before the padding carries 4 unused bits: 'g' and 'h' decode to the same 70 bytes.
        ("other padding bits", DevelopmentKey[..^3] + (char)(DevelopmentKey[^3] + 1) + "=="),
        // The key has no '+' or '/', so this is its URL-safe form too.
        ("unpadded", DevelopmentKey.TrimEnd('=')),
    }.Select(x => new object[] { x.Spelling, x.Key });

    private static Dictionary<string, string?> Key(string key) => new() { ["Auth:SigningKey"] = key };

    [Theory]
    [MemberData(nameof(SpellingsOfTheDevelopmentKey))]
    public async Task no_spelling_of_the_development_key_starts_outside_development(string spelling, string key)
    {
        foreach (var environment in new[] { "Production", "Staging", "Testing" })
        {
            var refused = await Should.ThrowAsync<InvalidConfigurationException>(() => BareHost.Start(environment, Key(key)));
            refused.Message.ShouldContain("published development key", customMessage: $"{spelling} in {environment}");
        }
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    [InlineData("trailing padding bits")]
    [InlineData("url-safe")]
    [InlineData("unpadded")]
    public async Task a_key_that_is_not_canonical_base64_is_refused_in_every_environment(string flaw)
    {
        var bytes = new byte[32];
        bytes[0] = 0xFB; // so the key holds a '+' or '/' to make URL-safe
        bytes[1] = 0xFF;
        var canonical = Convert.ToBase64String(bytes);
        var key = flaw switch
        {
            "trailing padding bits" => canonical[..^2] + (char)(canonical[^2] + 1) + "=",
            "url-safe" => canonical.Replace('+', '-').Replace('/', '_'),
            "unpadded" => canonical.TrimEnd('='),
            _ => canonical + flaw,
        };
        key.ShouldNotBe(canonical);
        foreach (var environment in new[] { "Production", "Development" })
        {
            var refused = await Should.ThrowAsync<InvalidConfigurationException>(() => BareHost.Start(environment, Key(key)));
            refused.Message.ShouldContain("not canonical base64");
        }
    }

    [Fact]
    public async Task development_starts_with_the_published_key_and_production_refuses_its_tokens()
    {
        await using var development = await BareHost.Start("Development", Key(DevelopmentKey));
        var token = development.Token(TestTokens.PlatformAdmin);

        await using var production = await BareHost.Start("Production");
        var result = await production.Scenario(s =>
        {
            s.Post.Json(new { query = "{ outcomeMeasures { code } }" }).ToUrl("/graphql");
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBe((int)HttpStatusCode.Unauthorized);
    }
}
