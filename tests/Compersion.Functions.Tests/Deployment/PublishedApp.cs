using System.Diagnostics;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>The Functions app as <c>dotnet publish</c> lays it out for Azure, published once per test run into a temp folder.</summary>
/// <remarks>
/// Published with <c>--no-build</c> from the build this test run already made (the test project references the app, so
/// <c>dotnet test</c> builds it first, in the same configuration): the publish step itself, which gathers
/// <c>functions.metadata</c>, <c>extensions.json</c>, <c>.azurefunctions/</c>, <c>worker.config.json</c> and
/// <c>host.json</c>, takes about 10 s; a second build would cost minutes.
/// </remarks>
public sealed class PublishedApp : IDisposable
{
    private static readonly string[] InheritedBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Publishes the app.</summary>
    public PublishedApp()
    {
        Directory = Path.Combine(Path.GetTempPath(), "compersion-publish-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            ArgumentList = { "publish", Repository.FunctionsProject, "--configuration", Repository.Configuration, "--no-build", "--nologo", "--output", Directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var name in InheritedBuildVariables)
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    /// <summary>The publish folder.</summary>
    public string Directory { get; }

    /// <summary>A path inside the publish folder.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind harms nothing.
        }
    }
}
