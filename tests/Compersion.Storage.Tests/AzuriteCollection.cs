namespace Compersion.Storage.Tests;

/// <summary>Every storage test shares the assembly's Azurite; each test isolates itself with its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
