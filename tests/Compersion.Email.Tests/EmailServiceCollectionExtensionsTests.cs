using Compersion.Core.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Compersion.Email.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCompersionEmail_ApiKeySet_SendsThroughSendGrid()
    {
        using var provider = Build(new() { ["SendGrid:ApiKey"] = "SG.key" });

        var sender = provider.GetRequiredService<IMailSender>();

        Assert.IsType<SendGridMailSender>(sender);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddCompersionEmail_NoApiKeyAndNoPickupDirectory_RefusesToStart(string? apiKey)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["SendGrid:ApiKey"] = apiKey, ["Mail:PickupDirectory"] = null }));

        Assert.Contains("SendGrid__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionEmail_PickupDirectoryConfigured_WritesThere()
    {
        var directory = Path.Combine(Path.GetTempPath(), "compersion-configured-outbox");
        using var provider = Build(new() { ["Mail:PickupDirectory"] = directory });

        var sender = provider.GetRequiredService<IMailSender>();

        Assert.Equal(directory, Assert.IsType<PickupDirectoryMailSender>(sender).OutboxDirectory);
    }

    [Fact]
    public void AddCompersionEmail_Configuration_BindsBothSections()
    {
        using var provider = Build(new()
        {
            ["Mail:From"] = "hi@compersion.example",
            ["SendGrid:Host"] = "http://127.0.0.1:5123",
            ["SendGrid:EventWebhookMaxAge"] = "00:03:00",
        });

        var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        var sendGrid = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;

        Assert.Equal("hi@compersion.example", mail.From);
        Assert.Equal("http://127.0.0.1:5123", sendGrid.Host);
        Assert.Equal(TimeSpan.FromMinutes(3), sendGrid.EventWebhookMaxAge);
        Assert.Null(sendGrid.ApiKey);
    }

    [Fact]
    public void AddCompersionEmail_WebhookKeyNotAnEcKey_FailsValidation()
    {
        using var provider = Build(new() { ["SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String("not a key"u8) });

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);

        var validation = Assert.IsType<OptionsValidationException>(exception);
        Assert.Contains("EventWebhookPublicKey", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionEmail_HostNotAUrl_FailsValidation()
    {
        using var provider = Build(new() { ["SendGrid:Host"] = "127.0.0.1:5123" });

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);

        Assert.IsType<OptionsValidationException>(exception);
    }

    [Fact]
    public void AddCompersionEmail_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake);

        using var provider = Build([], services);

        var clock = provider.GetRequiredService<TimeProvider>();

        Assert.Same(fake, clock);
    }

    [Fact]
    public void AddCompersionEmail_NothingRegisteredBefore_RegistersTheSystemClockAndTheWebhook()
    {
        using var provider = Build([]);

        var clock = provider.GetService<TimeProvider>();
        var webhook = provider.GetService<SendGridEventWebhook>();

        Assert.Same(TimeProvider.System, clock);
        Assert.NotNull(webhook);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, IServiceCollection? services = null)
    {
        settings.TryAdd("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "compersion-tests-outbox"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services ??= new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCompersionEmail(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
