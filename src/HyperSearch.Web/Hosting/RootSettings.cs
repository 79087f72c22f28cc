using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The repository-root appsettings.json is THE configuration of Web and Cli. The build links it
/// next to the assembly; we slot it in where ASP.NET would read the content root's appsettings.json,
/// so environment variables and command-line switches still override it the standard way.
/// </summary>
internal static class RootSettings
{
    public const string FileName = "appsettings.json";

    public static void AddRootSettings(this IConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var position = sources.Select((source, index) => (source, index))
            .Where(pair => pair.source is JsonConfigurationSource json && json.Path == FileName)
            .Select(pair => pair.index + 1)
            .FirstOrDefault();
        var root = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        root.ResolveFileProvider();
        sources.Insert(position, root);
    }
}
