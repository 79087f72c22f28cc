using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Web.Launch;

/// <summary>
/// How many configurations the grid over the form's space has, shown before launch. Counted by the
/// core's grid sampler on the very space document the form submits, so the number shown is the
/// number the search will run.
/// </summary>
public static class GridCounter
{
    /// <returns>The grid size, or null while the points per range or the space have errors.</returns>
    public static long? Count(LaunchForm form)
    {
        // Checked before anything is counted: the grid enumerates its values (see GridSampler.MaxPointsPerRange).
        if (form.GridPoints is < 2 or > GridSampler.MaxPointsPerRange) return null;
        var spaceJson = LaunchSpecWriter.ToDocument(form)["space"]!.ToJsonString();
        var (space, _) = SearchSpaceJson.Parse(spaceJson);
        return space is null ? null : GridSampler.Count(space, form.GridPoints);
    }
}
