namespace Compersion.Core.Security;

/// <summary>The outcome of checking a signed link.</summary>
public enum LinkCheck
{
    /// <summary>Signed by us, for this purpose, not expired.</summary>
    Valid = 0,

    /// <summary>Malformed, tampered, another purpose, or an unknown key.</summary>
    Invalid = 1,

    /// <summary>Genuine but past its expiry.</summary>
    Expired = 2,
}
