using System.CommandLine;
using System.Globalization;
using Compersion.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Compersion performance checks, run on demand in Release: `dispatch` (timing-wheel tick), `replies` (reply extraction), `digest` (composing one digest), `e2e`, `inbound`, `inbound-large`, `webhook-open`, `digests`, `photos` and `journal` (load scenarios).")
{
    DispatchCommand.Create(),
    VisibleTextCommand.Create(),
    EndToEndCommand.Create(),
    InboundCommand.Create(),
    LargeInboundCommand.Create(),
    OpenLoopCommand.Create(),
    DigestCommand.Create(),
    DigestEndToEndCommand.Create(),
    PhotosCommand.Create(),
    JournalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
