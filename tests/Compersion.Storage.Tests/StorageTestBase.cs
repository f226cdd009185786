namespace Compersion.Storage.Tests;

/// <summary>Gives each test a fresh <see cref="StorageHarness"/> over the shared Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class StorageTestBase(AzuriteFixture fixture) : IAsyncLifetime
{
    private StorageHarness? harness;

    protected AzuriteFixture Fixture { get; } = fixture;

    internal StorageHarness Harness => harness ?? throw new InvalidOperationException("The harness has not been created.");

    public async Task InitializeAsync() => harness = await StorageHarness.CreateAsync(Fixture);

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }
}
