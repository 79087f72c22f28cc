namespace HyperSearch.Web.Components.Shared;

/// <summary>What a form asks of its <see cref="NumberBox{T}"/>es (any T).</summary>
public interface INumberBox
{
    string Name { get; }

    /// <summary>The box holds text that is not a number (its message says so; its value is the old one).</summary>
    bool Unreadable { get; }
}
