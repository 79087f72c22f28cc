namespace HyperSearch.Web.Launch;

/// <summary>
/// The launch form being edited in this browser tab (scoped to the circuit), so leaving the page and
/// coming back keeps what was typed; a launch or "start over" clears it.
/// </summary>
public sealed class LaunchDraft
{
    public LaunchForm? Form { get; set; }
}
