using System.Text.RegularExpressions;
using Compersion.Core.Security;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Security;

public sealed partial class TokenSignerTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    // 2026-11-25 is day 20782 after 1970-01-01 (1_795_564_800 s / 86_400).
    private const int DaysTo20261125 = 20782;

    [Fact]
    public void ForReply_ThenTryVerify_ReturnsPurposeSubscriberAndDate()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = signer.TryVerify(token, out var verified);

        Assert.True(ok);
        Assert.Equal(new SignedToken(TokenPurpose.Prompt, AlexId, DaysTo20261125), verified);
    }

    [Fact]
    public void ForReply_DifferentDatesOrSubscribers_GiveDifferentTokens()
    {
        var signer = Signer();

        var tokens = new[]
        {
            signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25")),
            signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-26")),
            signer.ForReply(TokenPurpose.Digest, AlexId, Date("2026-11-25")),
            signer.ForReply(TokenPurpose.Prompt, SamId, Date("2026-11-25")),
        };

        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void TryVerify_AnySingleCharacterChanged_IsRefused()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));
        var accepted = new List<string>();

        for (var position = 0; position < token.Length; position++)
        {
            var original = Alphabet.IndexOf(token[position], StringComparison.Ordinal);
            foreach (var replacement in Alphabet)
            {
                var value = Alphabet.IndexOf(replacement, StringComparison.Ordinal);

                // The last character carries 4 data bits and 1 padding bit; only data changes are tampering here
                // (the padding bit is covered by TryVerify_NonCanonicalLastCharacter_IsRefused).
                var changesData = position == token.Length - 1 ? (value >> 1) != (original >> 1) : value != original;
                if (!changesData)
                {
                    continue;
                }

                var tampered = string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
                if (signer.TryVerify(tampered, out _))
                {
                    accepted.Add(tampered);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void TryVerify_NonCanonicalLastCharacter_IsRefused()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));
        var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        var tampered = token[..^1] + Alphabet[last ^ 1];

        var ok = signer.TryVerify(tampered, out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryVerify_ExtraTrailingCharacter_IsRefused()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = signer.TryVerify(token + "a", out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryVerify_TokenUppercasedByAMailSystem_StillVerifies()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = signer.TryVerify(token.ToUpperInvariant(), out var verified);

        Assert.True(ok);
        Assert.Equal(AlexId, verified!.SubscriberId);
    }

    [Fact]
    public void TryVerify_SignedWithPreviousSecretAfterRotation_StillVerifies()
    {
        var beforeRotation = Signer(current: Secret);
        var afterRotation = Signer(current: OtherSecret, previous: Secret);
        var token = beforeRotation.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = afterRotation.TryVerify(token, out var verified);

        Assert.True(ok);
        Assert.Equal(new SignedToken(TokenPurpose.Prompt, AlexId, DaysTo20261125), verified);
    }

    [Fact]
    public void TryVerify_PreviousSecretSameAsCurrent_BehavesAsTheCurrentSecretAlone()
    {
        // infra/ stores the current secret as the previous one until a rotation gives a real previous secret.
        var doubled = Signer(current: Secret, previous: Secret);
        var single = Signer(current: Secret);
        var token = single.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = doubled.TryVerify(token, out var verified);

        Assert.True(ok);
        Assert.Equal(new SignedToken(TokenPurpose.Prompt, AlexId, DaysTo20261125), verified);
        Assert.Equal(token, doubled.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25")));
        Assert.False(doubled.TryVerify(Signer(current: OtherSecret).ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25")), out _));
    }

    [Fact]
    public void Sign_AfterRotation_UsesTheNewSecret()
    {
        var afterRotation = Signer(current: OtherSecret, previous: Secret);
        var onlyOldSecret = Signer(current: Secret);
        var onlyNewSecret = Signer(current: OtherSecret);

        var token = afterRotation.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        Assert.False(onlyOldSecret.TryVerify(token, out _));
        Assert.True(onlyNewSecret.TryVerify(token, out _));
    }

    [Fact]
    public void TryVerify_PreviousSecretDroppedFromRing_IsRefused()
    {
        var token = Signer(current: Secret).ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));
        var secondRotation = Signer(current: "a-third-secret-that-is-long-enough-000", previous: OtherSecret);

        var ok = secondRotation.TryVerify(token, out var verified);

        Assert.False(ok);
        Assert.Null(verified);
    }

    [Fact]
    public void TryVerify_SignedWithUnknownSecret_IsRefused()
    {
        var stranger = Signer(current: "someone-elses-secret-with-32-or-more-chars");
        var token = stranger.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = Signer().TryVerify(token, out _);

        Assert.False(ok);
    }

    [Theory]
    [InlineData(TokenPurpose.Prompt)]
    [InlineData(TokenPurpose.Digest)]
    [InlineData(TokenPurpose.Confirm)]
    [InlineData(TokenPurpose.Unsubscribe)]
    [InlineData(TokenPurpose.Settings)]
    public void Sign_AnyPurpose_IsAtMost45LowercaseBase32CharactersAndFitsAReplyLocalPart(TokenPurpose purpose)
    {
        var token = Signer().Sign(purpose, AlexId, int.MaxValue);

        Assert.True(token.Length <= 45, $"token is {token.Length} characters");
        Assert.Matches(LowercaseBase32(), token);
        Assert.True(("reply+" + token).Length <= 64);
        Assert.True(("unsubscribe+" + token).Length <= 64);
    }

    [Fact]
    public void Sign_NotASubscriberId_Throws()
    {
        var signer = Signer();

        Assert.Throws<ArgumentException>(() => signer.Sign(TokenPurpose.Prompt, "alex@example.org", 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("not-base32!")]
    [InlineData("0000000000000000000000000000000000000000000000")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa====")]
    [InlineData("reply+aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.org")]
    [InlineData("ääääääääääääääääääääääääääääääääääääääääääääää")]
    public void TryVerify_Garbage_ReturnsFalseWithoutThrowing(string? text)
    {
        var signer = Signer();

        var ok = signer.TryVerify(text, out var token);

        Assert.False(ok);
        Assert.Null(token);
    }

    [Fact]
    public void TryVerify_VeryLongInput_ReturnsFalseWithoutThrowing()
    {
        var signer = Signer();
        var token = signer.ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-25"));

        var ok = signer.TryVerify(string.Concat(Enumerable.Repeat(token, 2000)), out _);

        Assert.False(ok);
    }

    [Fact]
    public void CheckLink_BeforeExpiry_IsValidAndNamesTheSubscriber()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero));
        var signer = Signer();
        var token = signer.ForLink(TokenPurpose.Settings, AlexId, Now(time) + Duration.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(59));

        var check = signer.CheckLink(token, TokenPurpose.Settings, Now(time), out var subscriberId);

        Assert.Equal(LinkCheck.Valid, check);
        Assert.Equal(AlexId, subscriberId);
    }

    [Fact]
    public void CheckLink_AfterExpiry_IsExpired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero));
        var signer = Signer();
        var token = signer.ForLink(TokenPurpose.Confirm, AlexId, Now(time) + Duration.FromHours(72));
        time.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        var check = signer.CheckLink(token, TokenPurpose.Confirm, Now(time), out _);

        Assert.Equal(LinkCheck.Expired, check);
    }

    [Theory]
    [InlineData(TokenPurpose.Settings, TokenPurpose.Confirm)]
    [InlineData(TokenPurpose.Confirm, TokenPurpose.Unsubscribe)]
    [InlineData(TokenPurpose.Unsubscribe, TokenPurpose.Settings)]
    [InlineData(TokenPurpose.Prompt, TokenPurpose.Confirm)]
    public void CheckLink_TokenForAnotherPurpose_IsInvalid(TokenPurpose signedFor, TokenPurpose checkedAs)
    {
        var signer = Signer();
        var now = Utc("2026-11-25T19:00:00Z");
        var token = signer.ForLink(signedFor, AlexId, now + Duration.FromDays(3));

        var check = signer.CheckLink(token, checkedAs, now, out var subscriberId);

        Assert.Equal(LinkCheck.Invalid, check);
        Assert.Null(subscriberId);
    }

    [Fact]
    public void CheckLink_UnsubscribeLongAfterIssue_IsStillValid()
    {
        var signer = Signer();
        var token = signer.ForLink(TokenPurpose.Unsubscribe, AlexId, Utc("2026-01-01T00:00:00Z"));

        var check = signer.CheckLink(token, TokenPurpose.Unsubscribe, Utc("2031-06-01T00:00:00Z"), out var subscriberId);

        Assert.Equal(LinkCheck.Valid, check);
        Assert.Equal(AlexId, subscriberId);
    }

    [Fact]
    public void CheckLink_Garbage_IsInvalid()
    {
        var check = Signer().CheckLink("%%%", TokenPurpose.Confirm, Utc("2026-11-25T19:00:00Z"), out var subscriberId);

        Assert.Equal(LinkCheck.Invalid, check);
        Assert.Null(subscriberId);
    }

    [Fact]
    public void TryVerify_ForItsPurpose_ReturnsTheToken()
    {
        var signer = Signer();
        var token = signer.Sign(TokenPurpose.AddressUndo, AlexId, 42);

        var ok = signer.TryVerify(token, TokenPurpose.AddressUndo, out var verified);

        Assert.True(ok);
        Assert.Equal(new SignedToken(TokenPurpose.AddressUndo, AlexId, 42), verified);
    }

    [Fact]
    public void TryVerify_GenuineTokenForAnotherPurpose_IsRefused()
    {
        var signer = Signer();
        var token = signer.Sign(TokenPurpose.AddressChange, AlexId, 42);

        var ok = signer.TryVerify(token, TokenPurpose.AddressUndo, out var verified);

        Assert.False(ok);
        Assert.Null(verified);
    }

    private static Instant Now(TimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());

    [GeneratedRegex("^[a-z2-7]+$")]
    private static partial Regex LowercaseBase32();
}
