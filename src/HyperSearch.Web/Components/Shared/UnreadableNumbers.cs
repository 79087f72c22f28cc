namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// The <see cref="NumberBox{T}"/>es of one form, asked when the form acts: those whose text is not a
/// number make it refuse, naming them (the boxes themselves keep their old value). Asked, not told:
/// a text that reads as no change (x1 in an empty seed box) raises no event to be told by.
/// </summary>
public sealed class UnreadableNumbers
{
    private readonly List<INumberBox> boxes = [];

    public bool Any => boxes.Any(b => b.Unreadable);

    public int Count => boxes.Count(b => b.Unreadable);

    /// <summary>"Seed: not a valid number", one per box whose text is not a number.</summary>
    public IEnumerable<string> Messages => boxes.Where(b => b.Unreadable).Select(b => $"{b.Name}: not a valid number");

    public void Add(INumberBox box) => boxes.Add(box);

    public void Remove(INumberBox box) => boxes.Remove(box);
}
