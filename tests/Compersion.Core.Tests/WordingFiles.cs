namespace Compersion.Core.Tests;

/// <summary>Mail words held to files under <c>TestData/{folder}/{case}.txt</c>, so a changed word shows as a changed file in review.</summary>
internal static class WordingFiles
{
    /// <summary>Asserts that <paramref name="shown"/> is the file's text; with <paramref name="writeVariable"/> set to a folder, writes it there first.</summary>
    public static async Task AssertSameAsync(string folder, string name, string shown, string writeVariable)
    {
        if (Environment.GetEnvironmentVariable(writeVariable) is { Length: > 0 } target)
        {
            Directory.CreateDirectory(target);
            await File.WriteAllTextAsync(Path.Combine(target, name + ".txt"), shown);
        }

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", folder, name + ".txt")), shown);
    }

    /// <summary>The case names that have a file in the folder, in ordinal order.</summary>
    public static IEnumerable<string> Names(string folder) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", folder), "*.txt").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal);
}
