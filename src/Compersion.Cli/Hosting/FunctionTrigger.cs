namespace Compersion.Cli.Hosting;

/// <summary>The trigger kinds the local host can run.</summary>
internal enum FunctionTrigger
{
    Http,
    Timer,
    Queue,
}
