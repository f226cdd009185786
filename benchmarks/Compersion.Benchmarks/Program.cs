using System.CommandLine;
using System.Globalization;
using Compersion.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Compersion performance checks, run on demand in Release: `dispatch` (timing-wheel tick) and `e2e` (load scenario).")
{
    DispatchCommand.Create(),
    EndToEndCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
