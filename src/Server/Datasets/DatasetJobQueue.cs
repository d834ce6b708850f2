using System.Threading.Channels;

namespace MelanoGans.Server.Datasets;

/// <summary>Datasets waiting to be built or imported; <see cref="DatasetJobRunner"/> runs a few at once.</summary>
public sealed class DatasetJobQueue
{
    private readonly Channel<int> _datasets = Channel.CreateUnbounded<int>();

    public void Enqueue(int datasetId) => _datasets.Writer.TryWrite(datasetId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _datasets.Reader.ReadAllAsync(ct);
}
