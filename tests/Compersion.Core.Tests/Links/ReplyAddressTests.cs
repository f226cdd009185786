using Compersion.Core.Access;
using Compersion.Core.Digests;
using Compersion.Core.Inbound;
using Compersion.Core.Kindness;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Privacy;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Links;

/// <summary>Walks every mail kind the code can send: one that invites a reply carries a reply token a reply can use; one without invites none.</summary>
public sealed class ReplyAddressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Every mail the code sends, by what makes it; the expected Reply-To purpose, or null for a mail that invites no reply.</summary>
    public static TheoryData<string, TokenPurpose?> EveryMail => new()
    {
        { "prompt", TokenPurpose.Prompt },
        { "checkin", TokenPurpose.Prompt },
        { "digest", TokenPurpose.Digest },
        { "confirm", null },
        { "receipt", TokenPurpose.Note },
        { "reply:PAUSE", TokenPurpose.Note },
        { "reply:RESUME", TokenPurpose.Note },
        { "reply:STOP", TokenPurpose.Note },
        { "reply:TIME 07:30", TokenPurpose.Note },
        { "reply:TIME 25:00", TokenPurpose.Note },
        { "reply:ZONE Europe/Paris", TokenPurpose.Note },
        { "reply:DIGEST SATURDAY 09:00", TokenPurpose.Note },
        { "reply:GOAL 2", TokenPurpose.Note },
        { "reply:EXPORT", TokenPurpose.Note },
        { "reply:TOKEN", TokenPurpose.Note },
        { "reply:SETTINGS", TokenPurpose.Note },
        { "reply:JOURNAL", TokenPurpose.Note },
        { "reply:HELP", TokenPurpose.Note },
        { "reply:FROBNICATE", TokenPurpose.Note },
        { "settings-link", TokenPurpose.Note },
        { "farewell", null },
        { "unsubscribe", TokenPurpose.Note },
        { "unknown-sender", TokenPurpose.Note },
        { "address-confirm", null },
        { "address-added", TokenPurpose.Note },
        { "address-moved", null },
    };

    [Theory]
    [MemberData(nameof(EveryMail))]
    public async Task For_EveryMailKind_ReplyToCarriesATokenExactlyWhenTheMailInvitesAReply(string scenario, TokenPurpose? purpose)
    {
        var mail = await SendAsync(scenario);

        if (purpose is null)
        {
            Assert.Null(mail.ReplyTo);
            Assert.DoesNotContain("reply", mail.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("reply", mail.Html ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.True(ReplyAddress.TryReadToken(mail.ReplyTo, InboundDomain, ReplyAddress.ReplyMailbox, out var text), mail.ReplyTo);
            Assert.True(Signer().TryVerify(text, out var token));
            Assert.Equal(purpose, token!.Purpose);
            Assert.Equal(AlexId, token.SubscriberId);
        }
    }

    [Theory]
    [InlineData("reply:STOP")]
    [InlineData("unsubscribe")]
    public async Task For_TheUnsubscribedAnswer_InvitesOnlyTheRESUMEThatIsRead(string scenario)
    {
        var mail = await SendAsync(scenario);

        Assert.Contains("reply RESUME", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("HELP", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("HELP", mail.Html ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_AReceipt_ItsReplyIsFiledUnderTheReceiptsDay()
    {
        var mail = await SendAsync("receipt");

        ReplyAddress.TryReadToken(mail.ReplyTo, InboundDomain, ReplyAddress.ReplyMailbox, out var text);
        Signer().TryVerify(text, out var token);
        Assert.Equal(Date("2026-11-23"), DateExtensions.FromDaysSinceEpoch(token!.Value));
    }

    [Theory]
    [InlineData("reply+abc@elsewhere.example")]
    [InlineData("hello@reply.example.org")]
    [InlineData("reply+@reply.example.org")]
    [InlineData("unsubscribe+abc@reply.example.org")]
    [InlineData(null)]
    public void TryReadToken_NotAReplyMailbox_False(string? address)
    {
        Assert.False(ReplyAddress.TryReadToken(address, InboundDomain, ReplyAddress.ReplyMailbox, out _));
    }

    private static async Task<OutgoingMail> SendAsync(string scenario)
    {
        var time = new FakeTimeProvider(Now);
        var subscriber = Subscriber();
        var today = Date("2026-11-24");
        switch (scenario)
        {
            case "prompt":
                return new PromptComposer(Signer(), MailSettings()).Compose(subscriber, today, [], PromptPlan.Daily, "job");
            case "checkin":
                return new PromptComposer(Signer(), MailSettings()).Compose(subscriber, today, [], PromptPlan.CheckIn, "job");
            case "digest":
                var journal = SampleJournal.Create(today) with { Subscriber = subscriber };
                var digest = DigestBuilder.Build(subscriber, today, journal, DigestBuilder.Suggest(subscriber, today, journal, IdeaCatalog.Shipped));
                return new DigestComposer(Signer(), MailSettings()).Compose(subscriber, digest, "job");
            case "confirm":
                return new ConfirmationComposer(Signer(), MailSettings()).Compose(subscriber with { Status = SubscriberStatus.Pending }, Instant.FromDateTimeOffset(Now), "job");
            case "settings-link":
            {
                var (subscribers, sender, notes) = await ArrangeAsync(time);
                var access = new SettingsAccessService(Signer(), subscribers, notes, sender, new InMemoryOutbox(), MailSettings(), time, NullLogger<SettingsAccessService>.Instance);
                Assert.True(await access.SendFreshLinkAsync(Signer().ForLink(TokenPurpose.Settings, AlexId, Instant.FromDateTimeOffset(Now) - Duration.FromDays(1))));
                return Assert.Single(sender.Sent);
            }

            case "farewell":
            {
                var (subscribers, sender, notes) = await ArrangeAsync(time);
                var deletion = new DeletionService(subscribers, new AcceptingScheduleStore(), new InMemoryPersonalDataStore(subscribers), new InMemoryPhotoStore(), Signer(), notes, sender, time, NullLogger<DeletionService>.Instance);
                Assert.Equal(DeleteOutcome.Deleted, await deletion.DeleteAsync(Signer().ForLink(TokenPurpose.Delete, AlexId, Instant.FromDateTimeOffset(Now) + Duration.FromHours(1))));
                return Assert.Single(sender.Sent);
            }

            case "address-confirm" or "address-added" or "address-moved":
            {
                // A further address (confirm, then the notice to the registered address), or a new registered address (the notice to the old one).
                var (subscribers, sender, notes) = await ArrangeAsync(time);
                var addresses = new AddressChangeService(Signer(), subscribers, notes, sender, new RecordingJobQueue(), MailSettings(), time, new RecordingInboundQueue(), NullLogger<AddressChangeService>.Instance);
                var extra = scenario != "address-moved";
                Assert.Equal(AddressRequestOutcome.Sent, await addresses.RequestAsync(subscriber, extra ? "alex@work.example" : "alex@new.example", extra));
                if (scenario == "address-confirm")
                {
                    return Assert.Single(sender.Sent);
                }

                var token = sender.Sent[0].Text[(sender.Sent[0].Text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..].Split('\n')[0].Trim();
                Assert.Equal(extra ? AddressConfirmOutcome.Added : AddressConfirmOutcome.Done, await addresses.ConfirmAsync(token));

                // The notice to the old address is a queued job; the outbox composes it as AddressMovedNotice does.
                return extra
                    ? sender.Sent[1]
                    : new AddressMovedNotice(Signer(), notes, MailSettings()).Compose((await subscribers.FindByIdAsync(subscriber.Id))!, Instant.FromDateTimeOffset(time.GetUtcNow()), "job")!;
            }

            default:
            {
                var text = scenario switch
                {
                    "receipt" => "1. Soup with Ana",
                    "unsubscribe" => "unsubscribe",
                    "unknown-sender" => "1. Soup with Ana, from my work address",
                    _ => scenario["reply:".Length..],
                };
                var (subscribers, sender, notes) = await ArrangeAsync(time);
                var archive = new InMemoryInboundArchive();
                var reader = new ScriptedMailReader();
                var ingestor = new ReplyIngestorParts(subscribers, time) { Archive = archive, Reader = reader, Sender = sender, Notes = notes }.Build();
                var to = scenario == "unsubscribe"
                    ? UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, today).MailtoAddress
                    : ReplyAddress.For(Signer(), MailSettings().Value, TokenPurpose.Prompt, AlexId, Date("2026-11-23"));
                var from = scenario == "unknown-sender" ? "alex@work.example" : subscriber.Email;
                var mail = new InboundMail("m1@example.org", from, [to], "Re: today", text, null, true, true, "hash");
                await ingestor.IngestAsync(archive.Add(reader.Register(mail), Now));
                return Assert.Single(sender.Sent);
            }
        }
    }

    private static async Task<(InMemorySubscriberStore Subscribers, RecordingMailSender Sender, NoteComposer Notes)> ArrangeAsync(TimeProvider time)
    {
        var subscribers = new InMemorySubscriberStore();
        await subscribers.AddOrGetAsync(Subscriber());
        return (subscribers, new RecordingMailSender(), new NoteComposer(MailSettings(), Signer(), time));
    }
}
