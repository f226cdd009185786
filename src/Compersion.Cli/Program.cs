using System.CommandLine;
using Compersion.Cli.Commands;

var root = new RootCommand("compersion — the local host and operator tool for Compersion, the email-first gratitude and kindness companion.")
{
    ServeCommand.Create(),
    ScheduleCommand.Create(),
    SubscribersCommand.Create(),
    DemoCommand.Create(),
    ExportCommand.Create(),
    ParseCommand.Create(),
    ReplayCommand.Create(),
    ReplyCommand.Create(),
    IdeasCommand.Create(),
    PreviewCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
