using System.Threading.Channels;

namespace MelanoGans.Server.Datasets;

/// <summary>Datasets waiting to be built or imported, one at a time (both use every core).</summary>
public sealed class DatasetJobQueue
{
    private readonly Channel<int> _datasets = Channel.CreateUnbounded<int>();

    public void Enqueue(int datasetId) => _datasets.Writer.TryWrite(datasetId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _datasets.Reader.ReadAllAsync(ct);
}
