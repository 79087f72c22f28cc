using HyperSearch.Core.Searches;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary><c>search create --spec file [--wait]</c>: validate (field-level errors, exit 2, nothing written), create, optionally wait.</summary>
public static class SearchCreateAction
{
    public static Task<int> RunAsync(FileInfo specFile, bool wait, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            if (!specFile.Exists)
            {
                console.Error.WriteLine($"--spec: no such file: {specFile.FullName}");
                return CliConsole.InputError;
            }
            var configuration = console.Configuration();
            var json = await File.ReadAllTextAsync(specFile.FullName, cancellationToken);
            var (spec, errors) = SearchSpecValidator.Parse(json, TrainerRegistration.Workloads(configuration));
            if (spec is null)
            {
                console.Error.WriteLine($"{specFile.Name}: the spec has {errors.Count} problem(s); nothing was created:");
                foreach (var error in errors) console.Error.WriteLine($"  {error.Path}: {error.Message}");
                return CliConsole.InputError;
            }

            await using var services = await CliServices.CreateAsync(configuration, cancellationToken);
            var id = await services.GetRequiredService<ITrialStore>().CreateSearchAsync(spec, cancellationToken);
            console.Output.WriteLine(id);
            return wait ? await SearchWaiter.WaitAsync(services, id, console, cancellationToken) : CliConsole.Ok;
        });
}
