namespace HyperSearch.Web.Components.Shared;

/// <summary>The circuit's light/dark choice; the layout sets it, charts follow it.</summary>
public sealed class ThemeState
{
    public bool IsDark { get; private set; }

    public event Func<bool, Task>? Changed;

    public async Task SetAsync(bool dark)
    {
        if (dark == IsDark) return;
        IsDark = dark;
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<bool, Task>>()) await handler(dark);
        }
    }
}
