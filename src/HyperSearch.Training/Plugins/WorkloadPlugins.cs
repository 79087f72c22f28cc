using System.Reflection;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Plugins;

/// <summary>
/// Loads teams' workloads from plug-in assemblies (appsettings.json <c>HyperSearch:Workloads:Plugins</c>):
/// each entry is a plug-in's built assembly (<c>bin/Release/net10.0/TeamModels.dll</c>) or a folder
/// whose assemblies with a <c>.deps.json</c> beside them are plug-ins. Every public non-abstract
/// <see cref="IWorkload"/> with a constructor taking <see cref="WorkloadOptions"/> or nothing is
/// registered. A plug-in that fails is recorded on the registry with why, never thrown: the host and
/// the other workloads go on (docs/training.md).
/// </summary>
public static class WorkloadPlugins
{
    public const string Section = "HyperSearch:Workloads:Plugins";

    public static void Load(WorkloadRegistry registry, IEnumerable<string> entries, WorkloadOptions options)
    {
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var path = Path.GetFullPath(entry);
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.dll").Where(dll => File.Exists(Path.ChangeExtension(dll, ".deps.json"))).ToList();
                if (found.Count == 0)
                {
                    registry.AddPluginError($"{entry}: no plug-in assembly (a .dll with its .deps.json) in this folder");
                }

                found.ForEach(dll => LoadAssembly(registry, dll, options));
            }
            else if (File.Exists(path))
            {
                LoadAssembly(registry, path, options);
            }
            else
            {
                registry.AddPluginError($"{entry}: not found (build the plug-in, or fix {Section})");
            }
        }
    }

    private static void LoadAssembly(WorkloadRegistry registry, string path, WorkloadOptions options)
    {
        Type[] types;
        try
        {
            var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            registry.AddPluginError($"{path}: could not be loaded ({e.Message})");
            return;
        }

        var workloads = types.Where(t => typeof(IWorkload).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (workloads.Count == 0)
        {
            registry.AddPluginError($"{path}: has no public IWorkload class");
        }

        foreach (var type in workloads)
        {
            try
            {
                var workload = type.GetConstructor([typeof(WorkloadOptions)]) is { } withOptions
                    ? (IWorkload)withOptions.Invoke([options])
                    : (IWorkload)(Activator.CreateInstance(type)
                        ?? throw new MissingMethodException($"{type.FullName} has no constructor taking WorkloadOptions or nothing"));
                registry.Add(workload);
            }
            catch (Exception e)
            {
                var reason = e is TargetInvocationException { InnerException: { } inner } ? inner.Message : e.Message;
                registry.AddPluginError($"{path}: workload class {type.FullName} could not be created ({reason})");
            }
        }
    }
}
