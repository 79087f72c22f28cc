using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>Every row of the app's tables as text (column=value, doubles round-trip), to compare a database before and after a migration.</summary>
public static class TableRows
{
    public static readonly string[] Tables = ["Searches", "Trials", "EpochMetrics", "Workers"];

    /// <param name="except">Columns left out (ones a later migration added).</param>
    public static async Task<IReadOnlyList<string>> ReadAsync(HyperSearchDbContext db, params string[] except)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new List<string>();
        foreach (var table in Tables)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Where(i => !except.Contains(reader.GetName(i)))
                    // By name: SQLite's table rebuild (a migration adding a foreign key) reorders columns.
                    .OrderBy(i => reader.GetName(i), StringComparer.Ordinal).Select(i => reader.GetName(i) + "=" + Format(reader.GetValue(i)));
                rows.Add(table + ": " + string.Join(" | ", cells));
            }
        }
        return rows;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
