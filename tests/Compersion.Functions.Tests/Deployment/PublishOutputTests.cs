using System.Text.Json.Nodes;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>
/// The published app as the Functions host reads it in Azure: every function with the trigger, route, auth level,
/// queue, connection and schedule the code means, and the host's own files as intended. A binding that reflection
/// accepts but the host would read differently shows here, not first in Azure. Trait <c>Category=Publish</c> (about 10 s).
/// </summary>
[Trait("Category", "Publish")]
public sealed class PublishOutputTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    /// <summary>What each function is meant to be, written out by hand: the contract with SendGrid, mail links and infra.</summary>
    private static readonly string[] Intended =
    [
        "AddressConfirmFunction: httpTrigger Anonymous get,post address/confirm -> http",
        "AddressUndoFunction: httpTrigger Anonymous get,post address/undo -> http",
        "AssetsFunction: httpTrigger Anonymous get assets/{file} -> http",
        "CleanupFunction: timerTrigger schedule=%CleanupSchedule%",
        "ConfirmFunction: httpTrigger Anonymous get,post confirm -> http",
        "DeleteFunction: httpTrigger Anonymous get,post settings/delete -> http",
        "DispatchDueFunction: timerTrigger schedule=%DispatchSchedule%",
        "EntriesFunction: httpTrigger Anonymous get,post entries -> http",
        "IngestInboundFunction: queueTrigger queue=inbound connection=AzureWebJobsStorage",
        "JournalFunction: httpTrigger Anonymous get,post journal/{view?} -> http",
        "JournalLinkFunction: httpTrigger Anonymous post journal/link -> http",
        "JournalPhotoFunction: httpTrigger Anonymous get journal/photo -> http",
        "KeepFunction: httpTrigger Anonymous get,post keep -> http",
        "ReceiveInboundMailFunction: httpTrigger Function post inbound/sendgrid -> http",
        "SendGridEventsFunction: httpTrigger Anonymous post events/sendgrid -> http",
        "SendOutboundFunction: queueTrigger queue=outbound connection=AzureWebJobsStorage",
        "SettingsAddressFunction: httpTrigger Anonymous post settings/address -> http",
        "SettingsExportFunction: httpTrigger Anonymous get settings/export -> http",
        "SettingsFunction: httpTrigger Anonymous get,post settings -> http",
        "SettingsImportFunction: httpTrigger Anonymous post settings/import -> http",
        "SettingsLinkFunction: httpTrigger Anonymous post settings/link -> http",
        "SignUpPageFunction: httpTrigger Anonymous get signup -> http",
        "SubscribeFunction: httpTrigger Anonymous post subscribe -> http",
        "UnsubscribeFunction: httpTrigger Anonymous get,post unsubscribe -> http",
    ];

    [Fact]
    public void FunctionsMetadata_EveryFunction_HasTheTriggerRouteAuthQueueConnectionAndScheduleIntended()
    {
        var functions = JsonNode.Parse(File.ReadAllText(app.PathOf("functions.metadata")))!.AsArray();

        var described = functions.Select(f => Describe(f!)).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Intended, described);
        Assert.All(functions, f => Assert.Equal("Compersion.Functions.dll", Path.GetFileName(f!["scriptFile"]!.GetValue<string>())));
    }

    [Fact]
    public void HostJson_Published_IsTheRepositoryFileWithTheQueueSettingsServeEmulates()
    {
        var published = File.ReadAllText(app.PathOf("host.json"));
        var host = JsonNode.Parse(published)!;
        var queues = host["extensions"]!["queues"]!;

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "host.json")), published);
        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal(
            (16, 5, "00:00:30", "base64"),
            (queues["batchSize"]!.GetValue<int>(), queues["maxDequeueCount"]!.GetValue<int>(), queues["visibilityTimeout"]!.GetValue<string>(), queues["messageEncoding"]!.GetValue<string>()));
    }

    [Fact]
    public void ExtensionsJson_Published_LoadsTheQueueExtensionAndTheMetadataLoaderFromFilesThatExist()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(app.PathOf("extensions.json")))!["extensions"]!.AsArray();

        Assert.Equal(["AzureStorageQueues", "Startup"], extensions.Select(e => e!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(extensions, e => Assert.True(File.Exists(app.PathOf(e!["hintPath"]!.GetValue<string>())), e!["hintPath"]!.GetValue<string>()));
    }

    [Fact]
    public void WorkerConfig_Published_StartsTheIsolatedWorkerFromTheAppAssembly()
    {
        var description = JsonNode.Parse(File.ReadAllText(app.PathOf("worker.config.json")))!["description"]!;

        Assert.Equal("dotnet-isolated", description["language"]!.GetValue<string>());
        Assert.Equal("Compersion.Functions.dll", description["defaultWorkerPath"]!.GetValue<string>());
        Assert.True(File.Exists(app.PathOf("Compersion.Functions.dll")));
    }

    [Fact]
    public void PublishOutput_NoDevelopmentOrCommandLineAssemblyAndNoLocalSettings()
    {
        var files = Directory.GetFiles(app.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.DoesNotContain(files, f => f!.StartsWith("Compersion.Development", StringComparison.Ordinal) || f.StartsWith("compersion.", StringComparison.Ordinal));
        Assert.DoesNotContain("local.settings.json", files);
        Assert.Contains("Compersion.Core.dll", files);
    }

    [Fact]
    public void PublishOutput_ImageLibrary_CarriesItsLinuxNativeLibrary()
    {
        var native = app.PathOf(Path.Combine("runtimes", "linux-x64", "native", "Magick.Native-Q8-x64.dll.so"));

        Assert.True(File.Exists(native), "the published app must carry ImageMagick for linux-x64, or no photo gets a thumbnail in Azure");
        Assert.True(File.Exists(app.PathOf("Magick.NET-Q8-x64.dll")));
    }

    // One line per function: its trigger with what the host reads from it, and its output binding.
    private static string Describe(JsonNode function)
    {
        var bindings = function["bindings"]!.AsArray();
        var trigger = bindings.Single(b => b!["direction"]!.GetValue<string>() == "In")!;
        var type = trigger["type"]!.GetValue<string>();
        var what = type switch
        {
            "httpTrigger" => $"{trigger["authLevel"]} {string.Join(',', trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()))} {trigger["route"]}",
            "queueTrigger" => $"queue={trigger["queueName"]} connection={trigger["connection"]}",
            "timerTrigger" => $"schedule={trigger["schedule"]}" + (trigger["runOnStartup"] is { } run && run.GetValue<bool>() ? " runOnStartup" : string.Empty),
            _ => "unexpected trigger " + trigger.ToJsonString(),
        };
        var outputs = bindings.Where(b => b!["direction"]!.GetValue<string>() == "Out").Select(b => b!["type"]!.GetValue<string>()).ToList();
        return $"{function["name"]}: {type} {what}" + (outputs.Count > 0 ? " -> " + string.Join(',', outputs) : string.Empty);
    }
}
