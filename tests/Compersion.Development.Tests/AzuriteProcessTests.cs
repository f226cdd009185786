using System.Diagnostics;
using Azure.Data.Tables;

namespace Compersion.Development.Tests;

public sealed class AzuriteProcessTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("usedevelopmentstorage=TRUE;", true)]
    [InlineData("UseDevelopmentStorage=false", false)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("this is = not ; = a connection string", false)]
    public void IsDevelopmentStorage_ConnectionString_RecognisesTheEmulatorDefault(string? connectionString, bool expected)
    {
        var result = AzuriteProcess.IsDevelopmentStorage(connectionString);

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnThreeDistinctPortsNamedInTheConnectionString()
    {
        var azurite = fixture.Azurite;
        int[] ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];

        var listening = await Task.WhenAll(ports.Select(port => AzuriteProcess.IsListeningAsync(port)));

        Assert.Equal(3, ports.Distinct().Count());
        Assert.All(listening, Assert.True);
        Assert.All(ports, port => Assert.Contains($"http://127.0.0.1:{port}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal));
    }

    [Fact]
    public void DevelopmentConnectionString_ParsedByTheTableClient_PointsAtTheDefaultTablePort()
    {
        var connectionString = AzuriteProcess.DevelopmentConnectionString;

        var client = new TableServiceClient(connectionString);

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), client.Uri);
    }

    [Fact]
    public async Task StartAsync_ConnectionString_ServesTheTableApi()
    {
        var service = new TableServiceClient(fixture.ConnectionString);
        var name = "probe" + Guid.NewGuid().ToString("N")[..8];

        await service.CreateTableIfNotExistsAsync(name);

        var found = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name == name))
        {
            found.Add(table.Name);
        }

        Assert.Equal([name], found);
    }

    [Fact]
    public async Task DisposeAsync_RunningInstance_StopsTheProcessAndFreesItsPort()
    {
        var azurite = await AzuriteProcess.StartAsync();
        var tablePort = azurite.TablePort;
        using var process = Process.GetProcessById(azurite.ProcessId);

        await azurite.DisposeAsync();

        Assert.True(process.HasExited);
        Assert.False(await AzuriteProcess.IsListeningAsync(tablePort));
    }

    [Fact]
    public async Task IsListeningAsync_PortNobodyListensOn_ReturnsFalse()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var listening = await AzuriteProcess.IsListeningAsync(port);

        Assert.False(listening);
    }

    [Fact]
    public async Task StartAsync_NoRepositoryRoot_FailsSayingWhatIsMissing()
    {
        var empty = Directory.CreateTempSubdirectory("compersion-no-root-").FullName;
        try
        {
            var start = () => AzuriteProcess.StartAsync(new AzuriteStartOptions { RepositoryRoot = empty });

            var exception = await Assert.ThrowsAsync<InvalidOperationException>(start);

            Assert.Contains("package.json", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
