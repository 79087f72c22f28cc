using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace HyperSearch.Data;

/// <summary>
/// Workaround (see ../shared/ENVIRONMENT.md): EF Core's SQLite provider is compiled against
/// SQLitePCLRaw 2.1.x, but the registry here only serves 2.0.6, so the runtime's request for
/// "SQLitePCLRaw.core, Version=2.1.x" fails. This loads whatever SQLitePCLRaw*.dll sits next to the
/// app instead. Delete this file once 2.1.x can be restored.
/// </summary>
internal static class SqlitePclRawResolver
{
    [ModuleInitializer]
    internal static void Install() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is null || !name.Name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal)) return null;
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
}
