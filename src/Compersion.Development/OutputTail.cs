namespace Compersion.Development;

/// <summary>The last lines a child process wrote, kept so a failure can say why.</summary>
internal sealed class OutputTail
{
    private const int MaxLines = 60;
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            if (lines.Count > MaxLines)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }
}
