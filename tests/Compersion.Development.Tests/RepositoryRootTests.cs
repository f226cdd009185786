namespace Compersion.Development.Tests;

public sealed class RepositoryRootTests
{
    [Fact]
    public void Find_FromTheTestOutput_FindsTheCheckoutWithTheSolution()
    {
        var root = RepositoryRoot.Find();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "CompersionFunctions.sln")));
    }

    [Fact]
    public void FindFrom_FolderWithoutAzuriteAbove_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("compersion-no-root-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(empty, "package.json"), """{ "devDependencies": { "left-pad": "1.3.0" } }""");

            var root = RepositoryRoot.FindFrom(empty);

            Assert.Null(root);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
