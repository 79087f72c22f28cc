using System.Globalization;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Api;

/// <summary>/api/decays/defaults?epochs=N: every decay type's default search ranges for a run of N epochs.</summary>
public static class DecayEndpoints
{
    public static RouteGroupBuilder MapDecayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/decays/defaults", (string? epochs) =>
            {
                // Read by hand so a bad value gets a field error, not the framework's bare 400.
                if (epochs is null) return Results.Ok(DecayCatalog.DefaultRanges());
                if (!int.TryParse(epochs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1 || n > SearchSpecValidator.MaxEpochs)
                    return ApiProblems.Validation("epochs", $"must be an integer from 1 to {SearchSpecValidator.MaxEpochs}; got '{epochs}'");
                return Results.Ok(DecayCatalog.DefaultRanges(n));
            })
            .WithTags("Decays")
            .WithSummary("The default range of every decay parameter (the launch form's and the CLI's), scaled to the run length; without epochs, for a run of unknown length.");
        return api;
    }
}
