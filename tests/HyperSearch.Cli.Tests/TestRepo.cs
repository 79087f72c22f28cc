namespace HyperSearch.Cli.Tests;

/// <summary>The repository the tests were built from: examples/ and docs/ are read from there.</summary>
internal static class TestRepo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HyperSearch.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HyperSearch.sln not found above the test folder");
    }
}
