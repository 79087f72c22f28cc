using HyperSearch.Cli.Commands;

namespace HyperSearch.Cli.Tests;

public sealed class TrainingCliSupportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-cli-support-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TryCreateRegistry_MalformedAppSettings_NullAndOneLineNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """{ "HyperSearch": """);
        var error = new StringWriter();

        var registry = TrainingCliSupport.TryCreateRegistry(error, _dir);

        Assert.Null(registry);
        var message = error.ToString().Trim();
        Assert.StartsWith("error: ", message);
        Assert.Contains(Path.Combine(_dir, "appsettings.json"), message);
        Assert.DoesNotContain("\n", message);
    }

    [Fact]
    public void TryCreateRegistry_FashionPathInAppSettings_UsedByTheWorkloads()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"),
            """{ "HyperSearch": { "Datasets": { "FashionMnist": "/nonexistent/fashion" } } }""");

        var registry = TrainingCliSupport.TryCreateRegistry(new StringWriter(), _dir);

        var error = Assert.Throws<DirectoryNotFoundException>(() => registry!.Get("fashion-mlp").LoadData());
        Assert.Contains("/nonexistent/fashion", error.Message);
    }
}
