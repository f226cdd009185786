namespace Compersion.Functions.Tests;

public sealed class TelemetryAuthenticationTests
{
    [Theory]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", "11111111-2222-3333-4444-555555555555")]
    [InlineData(" authorization = aad ; clientid = abc ", "abc")]
    [InlineData("Authorization=AAD", null)]
    public void TryParse_EntraAuthentication_ClientIdOfTheIdentity(string value, string? expectedClientId)
    {
        var entra = TelemetryAuthentication.TryParse(value, out var clientId);

        Assert.True(entra);
        Assert.Equal(expectedClientId, clientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=abc")]
    [InlineData("Authorization=Key;ClientId=abc")]
    [InlineData("not a setting")]
    public void TryParse_NotEntraAuthentication_False(string? value)
    {
        var entra = TelemetryAuthentication.TryParse(value, out var clientId);

        Assert.False(entra);
        Assert.Null(clientId);
    }
}
