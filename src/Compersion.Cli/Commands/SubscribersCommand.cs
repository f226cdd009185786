using System.CommandLine;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime.Text;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion subscribers add|list</c>: operator verbs against the configured storage.</summary>
internal static class SubscribersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The subscriber's address", Required = true };
        var zone = new Option<string>("--zone") { Description = "IANA time zone", Required = true };
        var at = new Option<string>("--at") { Description = "Local time of the daily prompt, HH:mm", DefaultValueFactory = _ => "20:00" };
        var add = new Command("add", "Add a confirmed subscriber directly (no confirmation email).") { email, zone, at };
        add.SetAction(async (parse, cancellationToken) =>
        {
            if (!SignUpRequest.TryCreate(parse.GetValue(email), parse.GetValue(zone), parse.GetValue(at), null, null, out var request, out var error))
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            await using var host = await OperatorHost.StartAsync(cancellationToken);
            var subscriber = await host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!, cancellationToken);
            await Console.Out.WriteLineAsync($"{subscriber.Id} {subscriber.Status.ToString().ToLowerInvariant()} {subscriber.Zone} {LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(subscriber.PromptTime)}");
            return 0;
        });

        var list = new Command("list", "List subscribers: id, address, status, zone, time.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await OperatorHost.StartAsync(cancellationToken);
            var pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
            await foreach (var subscriber in host.Services.GetRequiredService<ISubscriberStore>().ListAsync(cancellationToken))
            {
                await Console.Out.WriteLineAsync($"{subscriber.Id}\t{subscriber.Email}\t{subscriber.Status.ToString().ToLowerInvariant()}\t{subscriber.Zone}\t{pattern.Format(subscriber.PromptTime)}");
            }

            return 0;
        });

        return new Command("subscribers", "Manage subscribers.") { add, list };
    }
}
