using System.Text.Json;

namespace Compersion.Development;

/// <summary>Finds the folder whose <c>package.json</c> lists Azurite, the root of a repository checkout.</summary>
public static class RepositoryRoot
{
    private const string PackageName = "azurite";
    private static readonly string[] DependencySections = ["devDependencies", "dependencies"];

    /// <summary>The checkout holding this program or the current folder, or <see langword="null"/> outside one.</summary>
    public static string? Find() =>
        new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(FindFrom)
            .FirstOrDefault(root => root is not null);

    /// <summary>The nearest folder at or above <paramref name="start"/> whose <c>package.json</c> lists Azurite, or <see langword="null"/>.</summary>
    public static string? FindFrom(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (IsRoot(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Whether a folder holds a <c>package.json</c> that lists Azurite.</summary>
    public static bool IsRoot(string directory)
    {
        var packageJson = Path.Combine(directory, "package.json");
        return File.Exists(packageJson) && ListsAzurite(packageJson);
    }

    private static bool ListsAzurite(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && DependencySections.Any(section =>
                    document.RootElement.TryGetProperty(section, out var dependencies)
                    && dependencies.ValueKind == JsonValueKind.Object
                    && dependencies.TryGetProperty(PackageName, out _));
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
