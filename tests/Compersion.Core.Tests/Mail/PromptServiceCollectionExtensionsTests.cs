using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Tests.Mail;

public sealed class PromptServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["Tokens:CurrentSecret"] = TestFixtures.Secret,
        ["Mail:From"] = "hello@example.org",
        ["Mail:FromName"] = "Compersion",
        ["Mail:InboundDomain"] = TestFixtures.InboundDomain,
        ["Mail:PublicBaseUrl"] = TestFixtures.PublicBaseUrl,
    };

    [Fact]
    public void AddCompersionPrompts_WithConfiguration_ResolvesSingletonComposersBoundToIt()
    {
        using var provider = Build(ValidSettings).BuildServiceProvider(validateScopes: true);

        var composer = provider.GetRequiredService<PromptComposer>();
        var mail = composer.Compose(TestFixtures.Subscriber(), TestFixtures.Date("2026-11-25"), [], PromptPlan.Daily, "job");

        Assert.Same(composer, provider.GetRequiredService<PromptComposer>());
        Assert.Same(provider.GetRequiredService<ConfirmationComposer>(), provider.GetRequiredService<ConfirmationComposer>());
        Assert.Same(provider.GetRequiredService<TokenSigner>(), provider.GetRequiredService<TokenSigner>());
        Assert.EndsWith("@" + TestFixtures.InboundDomain, mail.ReplyTo, StringComparison.Ordinal);
        Assert.True(TestFixtures.Signer().TryVerify(mail.ReplyTo![6..mail.ReplyTo!.IndexOf('@', StringComparison.Ordinal)], out _));
    }

    [Fact]
    public void AddCompersionPrompts_CalledTwice_RegistersEverythingOnce()
    {
        var once = Build(ValidSettings);
        var twice = Build(ValidSettings).AddCompersionPrompts();

        Assert.Equal(once.Count, twice.Count);
        Assert.Single(twice, descriptor => descriptor.ServiceType == typeof(PromptComposer));
        Assert.Single(twice, descriptor => descriptor.ServiceType == typeof(TokenSigner));
    }

    [Fact]
    public void AddCompersionPrompts_MissingTokenSecret_FailsValidationAtStart()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["Tokens:CurrentSecret"] = null };
        using var provider = Build(settings).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(TokenOptions.CurrentSecret), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionPrompts_MalformedPublicBaseUrl_FailsValidationAtStart()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["Mail:PublicBaseUrl"] = "not a url" };
        using var provider = Build(settings).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionPrompts_ValidConfiguration_PassesValidationAtStart()
    {
        using var provider = Build(ValidSettings).BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        validator.Validate();
    }

    private static IServiceCollection Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddCompersionPrompts();
    }
}
