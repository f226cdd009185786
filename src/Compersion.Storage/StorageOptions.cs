using System.ComponentModel.DataAnnotations;

namespace Compersion.Storage;

/// <summary>Storage settings beyond the connection (configuration section <c>Storage</c>).</summary>
/// <remarks>
/// The account itself comes from the <c>AzureWebJobsStorage</c> setting, the same one the Functions
/// host uses, so the app and its triggers always talk to one account.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Prepended to every table name; lets tests or several environments share one account. Empty in production.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]*$")]
    [MaxLength(40)]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>How old a send claim (outbox row, or a reply's answer) must be, never started, before another delivery takes it over.</summary>
    /// <remarks>Claiming and starting are consecutive writes, so a claim this old belongs to a worker that died before calling the provider.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnstartedClaimAge { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old a started send without an outcome must be before another delivery sends it again (event 3101, 3102 for answers).</summary>
    /// <remarks>
    /// Longer than a send normally takes; a send slowed further by rate limits (at most 4 attempts of 30 s and 3 waits of
    /// up to 60 s) may rarely be sent twice, which is the better mistake. The fault suite shortens it to keep its runs brief.
    /// </remarks>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartedSendAge { get; set; } = TimeSpan.FromMinutes(2);
}
