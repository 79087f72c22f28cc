using System.Reflection;
using System.Runtime.Loader;

namespace HyperSearch.Training.Plugins;

/// <summary>
/// One plug-in assembly with its own dependencies (from its .deps.json, through
/// <see cref="AssemblyDependencyResolver"/>). Whatever the host already has — HyperSearch.Core,
/// HyperSearch.Training, TorchSharp, the framework — comes from the host, so the plug-in's
/// <c>IWorkload</c> and tensors are the host's types and one libtorch serves both.
/// </summary>
internal sealed class PluginLoadContext(string mainAssembly) : AssemblyLoadContext($"plugin:{Path.GetFileName(mainAssembly)}")
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

    protected override Assembly? Load(AssemblyName name)
    {
        try
        {
            return Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }

    protected override nint LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : 0;
}
