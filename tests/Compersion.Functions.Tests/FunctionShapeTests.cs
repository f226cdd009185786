using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions.Tests;

/// <summary>The rules every function class follows, so the Functions host and <c>compersion serve</c> index them alike.</summary>
public sealed class FunctionShapeTests
{
    private static readonly MethodInfo[] Functions = typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToArray();

    [Fact]
    public void Functions_EveryTriggerTheProductNeeds_Present()
    {
        var names = Functions.Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [
                "AddressConfirmFunction", "AddressUndoFunction", "AssetsFunction", "CleanupFunction", "ConfirmFunction", "DeleteFunction", "DispatchDueFunction", "EntriesFunction", "IngestInboundFunction", "JournalFunction", "JournalLinkFunction", "JournalPhotoFunction", "KeepFunction", "ReceiveInboundMailFunction",
                "SendGridEventsFunction", "SendOutboundFunction", "SettingsAddressFunction", "SettingsExportFunction", "SettingsFunction", "SettingsImportFunction", "SettingsLinkFunction",
                "SignUpPageFunction", "SubscribeFunction", "UnsubscribeFunction",
            ],
            names);
    }

    [Fact]
    public void TimerTriggers_ScheduleFromSettingAndNeverRunOnStartup()
    {
        var timers = Functions.SelectMany(m => m.GetParameters()).Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).OfType<TimerTriggerAttribute>().ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, t => Assert.Matches("^%[A-Za-z]+%$", t.Schedule));
        Assert.All(timers, t => Assert.False(t.RunOnStartup));
    }

    [Fact]
    public void HttpTriggers_RoutesSetAndUnique()
    {
        var http = Functions.SelectMany(m => m.GetParameters()).Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().ToList();

        Assert.Equal(http.Count, http.Select(h => h.Route).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(http, h => Assert.False(string.IsNullOrEmpty(h.Route)));
    }

    [Fact]
    public void FunctionClasses_AreSealedAndThin()
    {
        var types = Functions.Select(m => m.DeclaringType!).Distinct().ToList();

        Assert.All(types, t => Assert.True(t.IsSealed, $"{t.Name} should be sealed"));
        Assert.All(types, t => Assert.True(t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length == 1, $"{t.Name} should expose one function method"));
    }
}
