namespace HyperSearch.Web.Components.Shared;

/// <summary>The circuit's light/dark choice; the layout sets it, charts follow it.</summary>
public sealed class ThemeState
{
    /// <summary>The cookie that mirrors the browser's stored choice (dist/js/browser.js), so the server prerenders in it.</summary>
    public const string CookieName = "hs-theme";

    private bool started;

    public bool IsDark { get; private set; }

    /// <summary>The choice the page was requested with (its cookie); only the first call counts, and nobody is told.</summary>
    public void Start(bool dark)
    {
        if (started) return;
        started = true;
        IsDark = dark;
    }

    public event Func<bool, Task>? Changed;

    public async Task SetAsync(bool dark)
    {
        started = true;
        if (dark == IsDark) return;
        IsDark = dark;
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<bool, Task>>()) await handler(dark);
        }
    }
}
