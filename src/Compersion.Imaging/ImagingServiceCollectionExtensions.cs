using Compersion.Core.Photos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Imaging;

/// <summary>Registers the image adapter behind Core's <see cref="IPhotoImaging"/> port.</summary>
public static class ImagingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPhotoImaging"/>, made with Magick.NET.</summary>
    public static IServiceCollection AddCompersionImaging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPhotoImaging, MagickPhotoImaging>();
        return services;
    }
}
