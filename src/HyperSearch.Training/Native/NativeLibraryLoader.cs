using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyperSearch.Training.Native;

/// <summary>
/// Finds libhypersearch_native.so next to the assembly (the build copies it into every output that
/// references this project), whatever the working directory or LD_LIBRARY_PATH.
/// </summary>
internal static class NativeLibraryLoader
{
    private const string FileName = "libhypersearch_native.so";

    // Runs before any P/Invoke of this assembly, wherever the assembly is loaded from.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.LibraryName)
        {
            return nint.Zero;
        }

        foreach (var directory in new[] { Path.GetDirectoryName(assembly.Location), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(directory))
            {
                continue;
            }

            var path = Path.Combine(directory, FileName);
            if (File.Exists(path))
            {
                // Load (not TryLoad) so a missing libtorch dependency surfaces with the loader's own message.
                return NativeLibrary.Load(path);
            }
        }

        return nint.Zero;
    }
}
