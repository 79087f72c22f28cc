namespace HyperSearch.Training.Command;

/// <summary>
/// The last lines a program wrote to stderr (at most <see cref="MaxLines"/>, each cut at
/// <see cref="MaxLineLength"/> characters), read as they come so the pipe never fills and stalls the
/// program. A failed trial's message ends with them: usually the traceback that says why.
/// </summary>
internal sealed class OutputTail
{
    public const int MaxLines = 20;
    public const int MaxLineLength = 500;

    private readonly Queue<string> _lines = new();
    private readonly Task _reading;

    public OutputTail(Stream stream)
    {
        _reading = Task.Run(() => ReadAsync(stream));
    }

    /// <summary>Waits up to <paramref name="patience"/> for the stream to end (the program exited and nothing else holds it).</summary>
    public async Task<string> TextAsync(TimeSpan patience)
    {
        await Task.WhenAny(_reading, Task.Delay(patience));
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private async Task ReadAsync(Stream stream)
    {
        var reader = new LineReader(stream, MaxLineLength);
        try
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (_lines)
                {
                    _lines.Enqueue(line.Truncated ? line.Text + " …" : line.Text);
                    if (_lines.Count > MaxLines)
                    {
                        _lines.Dequeue();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process object went away: the tail ends here.
        }
    }
}
