namespace HyperSearch.Data.Entities;

/// <summary>An entity people write notes and tags on (searches and trials).</summary>
public interface IAnnotated
{
    string Notes { get; set; }
    string Tags { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
