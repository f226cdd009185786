using System.CommandLine;
using System.Globalization;
using Compersion.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Compersion performance checks, run on demand in Release: `dispatch` (timing-wheel tick), `replies` (reply extraction), `e2e` and `inbound` (load scenarios).")
{
    DispatchCommand.Create(),
    VisibleTextCommand.Create(),
    EndToEndCommand.Create(),
    InboundCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
