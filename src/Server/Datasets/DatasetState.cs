namespace MelanoGans.Server.Datasets;

/// <summary>Life cycle of a dataset: building (rendering or importing), ready, or failed with a reason.</summary>
public enum DatasetState
{
    Building,
    Ready,
    Failed,
}
