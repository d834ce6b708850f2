namespace MelanoGans.Server.Datasets;

/// <summary>Progress ids of dataset jobs: one per dataset, so a resumed build continues the same bar.</summary>
public static class DatasetJobIds
{
    public static string For(int datasetId) => $"dataset:{datasetId}";
}
