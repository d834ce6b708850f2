namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A ready dataset a study can draw reals from, with how many images each class holds.</summary>
public sealed record DatasetChoice(int Id, string Name, int Resolution, IReadOnlyDictionary<string, int> CountsByLabel)
{
    /// <summary>How many images the dataset offers under a class filter (null: every class).</summary>
    public int Available(string? label) =>
        label is null ? CountsByLabel.Values.Sum() : CountsByLabel.GetValueOrDefault(label);
}
