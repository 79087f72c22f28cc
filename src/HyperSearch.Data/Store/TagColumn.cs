using HyperSearch.Core.Searches;

namespace HyperSearch.Data.Store;

/// <summary>
/// Tags in one text column as <c>,baseline,lr-sweep,</c>: the commas around each tag make "has tag x"
/// one <c>LIKE '%,x,%'</c> on SQLite and PostgreSQL alike, with no join table; a tag never holds a
/// comma (<see cref="AnnotationReader.TagProblem"/>).
/// </summary>
public static class TagColumn
{
    /// <summary>20 tags of 32 characters with their commas.</summary>
    public const int MaxLength = Annotation.MaxTags * (Annotation.MaxTagLength + 1) + 1;

    public static string Write(IReadOnlyList<string> tags) => tags.Count == 0 ? "" : "," + string.Join(',', tags) + ",";

    public static IReadOnlyList<string> Read(string column) => column.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The text a column holding <paramref name="tag"/> contains.</summary>
    public static string Needle(string tag) => "," + tag + ",";
}
