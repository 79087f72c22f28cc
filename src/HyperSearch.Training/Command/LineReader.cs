using System.Text;

namespace HyperSearch.Training.Command;

/// <summary>
/// Lines of a program's output with a bound on their length: a program that writes megabytes without a
/// newline costs at most <c>maxLength</c> bytes here, never the worker's memory. A longer line is cut
/// at the bound and flagged.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLength)
{
    private readonly byte[] _buffer = new byte[8192];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private bool _truncated;

    /// <summary>The next line without its newline (and a trailing '\r'), or null at the end of the stream.</summary>
    public async Task<(string Text, bool Truncated)?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                Append(_start, newline - _start);
                _start = newline + 1;
                return Take();
            }

            Append(_start, _end - _start);
            _start = _end = 0;
            var read = await stream.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                return _line.Length > 0 || _truncated ? Take() : null;
            }

            _end = read;
        }
    }

    private void Append(int offset, int count)
    {
        var room = maxLength - (int)_line.Length;
        if (count > room)
        {
            _truncated = true;
            count = Math.Max(room, 0);
        }

        _line.Write(_buffer, offset, count);
    }

    private (string, bool) Take()
    {
        var text = Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length).TrimEnd('\r');
        var result = (text, _truncated);
        _line.SetLength(0);
        _truncated = false;
        return result;
    }
}
