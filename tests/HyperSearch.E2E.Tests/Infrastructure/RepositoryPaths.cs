namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>Locates the repository and the web app's build output from the test assembly.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    // Same configuration as the test build (bin/Debug/... or bin/Release/...).
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string WebAssembly =>
        Path.Combine(Root, "src", "HyperSearch.Web", "bin", Configuration, "net10.0", "HyperSearch.Web.dll");

    public static string CliAssembly =>
        Path.Combine(Root, "src", "HyperSearch.Cli", "bin", Configuration, "net10.0", "hypersearch.dll");

    public static string Artifacts(string folder)
    {
        var path = Path.Combine(Root, "artifacts", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HyperSearch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HyperSearch.sln not found above " + AppContext.BaseDirectory);
    }
}
