using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace HyperSearch.Training.Runtime;

/// <summary>
/// Loads TorchSharp's native libraries from the one runtime folder the build assembles
/// (build/TorchRuntime.targets), so no app, test or plug-in output folder carries its own ~600 MB copy.
/// The folder is baked into this assembly at build time; <c>HYPERSEARCH_TORCH_RUNTIME</c> overrides it
/// (e.g. a deployed worker). Only an assembly built without that attribute leaves the loading to
/// TorchSharp's own probing (an app that references the native packages the usual way).
/// </summary>
public static class TorchRuntime
{
    public const string EnvironmentVariable = "HYPERSEARCH_TORCH_RUNTIME";
    private const string MetadataKey = "HyperSearch.TorchRuntime";
    private static readonly Lazy<string?> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder the natives come from, or null when TorchSharp probes on its own.</summary>
    public static string? Directory => Loaded.Value;

    /// <summary>Loads the natives once; call before the first TorchSharp call.</summary>
    /// <exception cref="TorchException">The runtime folder exists but its libraries do not load.</exception>
    public static void EnsureLoaded() => _ = Loaded.Value;

    // Registered when this assembly loads, so a DllImport from TorchSharp never reaches TorchSharp's
    // own fallback (which copies every native library into the app's folder).
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) =>
            name == "LibTorchSharp" && Loaded.Value is { } dir ? NativeLibrary.Load(Path.Combine(dir, "libLibTorchSharp.so")) : 0);

    private static string? Load()
    {
        var dir = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(dir))
        {
            dir = typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        }

        if (string.IsNullOrEmpty(dir))
        {
            return null;
        }

        // Never fall through to TorchSharp's own fallback here: it would copy ~600 MB into the app folder.
        if (!File.Exists(Path.Combine(dir, "libLibTorchSharp.so")))
        {
            throw new TorchException($"TorchSharp's native runtime folder '{dir}' is missing or incomplete: rebuild (dotnet build) or set {EnvironmentVariable}");
        }

        try
        {
            // TorchSharp loads these two by name; once loaded, the loader hands back the same objects.
            NativeLibrary.Load(Path.Combine(dir, "libtorch_cpu.so"));
            NativeLibrary.Load(Path.Combine(dir, "libLibTorchSharp.so"));
            return dir;
        }
        catch (DllNotFoundException e)
        {
            throw new TorchException($"TorchSharp's native libraries in '{dir}' could not be loaded (rebuild, or run scripts/setup.sh): {e.Message}", e);
        }
    }
}
