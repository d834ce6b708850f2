namespace MelanoGans.Shared.Contracts;

/// <summary>One thing an import skipped and why, as the dataset page and <c>skipped.csv</c> list it.</summary>
/// <param name="Item">A file name as the CSV lists it, or a CSV line ("labels.csv line 3").</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record DatasetSkipView(string Item, string Reason);
