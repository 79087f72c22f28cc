using System.Globalization;
using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Hosting;

/// <summary>A one-line progress bar: redrawn in place on a terminal, one line per change otherwise.</summary>
public sealed class ProgressBar(TextWriter writer, bool interactive)
{
    private const int Width = 30;
    private string? _last;

    public void Show(SearchSummary s)
    {
        var finished = s.Counts.Finished;
        var filled = s.Budget == 0 ? 0 : (int)Math.Round(Width * Math.Min(1.0, finished / (double)s.Budget));
        var best = s.BestValue is double v ? $" · best {v.ToString("G5", CultureInfo.InvariantCulture)} (#{s.BestTrialNumber})" : "";
        var phase = s.State == SearchState.Evaluating ? " · evaluating the best trial on the test set" : $" · {s.State.ToString().ToLowerInvariant()}";
        var line = $"[{new string('#', filled)}{new string('-', Width - filled)}] {finished}/{s.Budget} trials · {s.Counts.Running} running{best}{phase}";
        if (line == _last) return;
        _last = line;
        if (interactive) writer.Write("\r" + line.PadRight(100));
        else writer.WriteLine(line);
    }

    public void Done()
    {
        if (interactive && _last is not null) writer.WriteLine();
    }
}
