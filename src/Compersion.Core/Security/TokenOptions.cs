using System.ComponentModel.DataAnnotations;

namespace Compersion.Core.Security;

/// <summary>The key ring for reply tokens and signed links (configuration section <c>Tokens</c>).</summary>
/// <remarks>
/// Rotation: move the current secret to <see cref="PreviousSecret"/>, set a new <see cref="CurrentSecret"/>.
/// Tokens signed with either verify; new ones are signed with the current secret.
/// </remarks>
public sealed class TokenOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Tokens";

    /// <summary>The secret new tokens are signed with (at least 32 characters).</summary>
    [Required]
    [MinLength(32)]
    public string CurrentSecret { get; set; } = string.Empty;

    /// <summary>The secret before the last rotation; still accepted.</summary>
    public string? PreviousSecret { get; set; }
}
