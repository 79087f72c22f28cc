namespace HyperSearch.Cli.Hosting;

/// <summary>
/// The new account's password: the first line of stdin when it is redirected (scripts, tests), else
/// typed twice at a prompt without echo. There is no default password and no --password switch
/// (it would land in shell history and process lists).
/// </summary>
public static class PasswordReader
{
    public static string? Read(TextReader input, TextWriter error, bool interactive)
    {
        if (!interactive) return input.ReadLine();
        var first = Prompt(error, "Password: ");
        var second = Prompt(error, "Repeat password: ");
        if (first == second) return first;
        error.WriteLine("hypersearch: the two passwords differ");
        return null;
    }

    private static string Prompt(TextWriter error, string label)
    {
        error.Write(label);
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); continue; }
            if (!char.IsControl(key.KeyChar)) chars.Add(key.KeyChar);
        }
        error.WriteLine();
        return new string(chars.ToArray());
    }
}
