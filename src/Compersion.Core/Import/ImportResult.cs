namespace Compersion.Core.Import;

/// <summary>What an import did, in words for the settings page.</summary>
/// <param name="Succeeded">Whether the file was imported (false: nothing was written).</param>
/// <param name="Message">What happened, or what is wrong with the file and where.</param>
/// <param name="Days">Days in the file with something to keep.</param>
/// <param name="Items">Gratitude items those days hold.</param>
/// <param name="Acts">Kind acts those days hold.</param>
public sealed record ImportResult(bool Succeeded, string Message, int Days = 0, int Items = 0, int Acts = 0)
{
    /// <summary>A refused file: nothing was written.</summary>
    public static ImportResult Refused(string message) => new(false, message);
}
