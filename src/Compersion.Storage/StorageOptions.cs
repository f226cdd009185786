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
}
