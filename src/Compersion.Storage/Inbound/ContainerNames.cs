namespace Compersion.Storage.Inbound;

/// <summary>Blob container names.</summary>
internal static class ContainerNames
{
    /// <summary>Raw inbound posts, exactly as received.</summary>
    public const string InboundRaw = "inbound-raw";

    /// <summary>Photos from replies and their thumbnails, under each subscriber's id.</summary>
    public const string Photos = "photos";
}
