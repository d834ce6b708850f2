namespace MelanoGans.Server.Datasets;

/// <summary>One thing an import run left out and why; stored as a <see cref="DatasetSkip"/>.</summary>
/// <param name="Item">The file name as the CSV lists it, or "labels.csv line 3".</param>
internal sealed record ImportSkip(string Item, string Reason)
{
    public override string ToString() => $"{Item}: {Reason}";
}
