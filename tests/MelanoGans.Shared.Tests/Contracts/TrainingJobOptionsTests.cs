using System.Text.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Contracts;

/// <summary>A browser's training job: the hyperparameters record plus the dataset, stored and sent as flat JSON.</summary>
public sealed class TrainingJobOptionsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // A job's options as the server stored them before the hyperparameters had a record of their own.
    private const string StoredBefore =
        """{"architecture":"lapgan","resolution":64,"datasetId":7,"class":"melanoma","epochs":3,"maxSteps":40,"loss":"nonsaturating","batch":4,"lr":0.001,"seed":5,"latent":32,"width":16,"diffAug":true,"r1":2,"ema":0.99,"tickEvery":2,"snapshotEvery":20,"heldOut":{"test_fraction":0.2,"split_seed":3},"experiment":null}""";

    [Fact]
    public void Options_stored_before_the_record_read_back_unchanged()
    {
        var options = JsonSerializer.Deserialize<TrainingJobOptions>(StoredBefore, Web)!;

        Assert.Equal(
            new TrainingJobOptions
            {
                Architecture = "lapgan", Resolution = 64, DatasetId = 7, Class = "melanoma", Epochs = 3, MaxSteps = 40, Loss = "nonsaturating",
                Batch = 4, Lr = 0.001, Seed = 5, Latent = 32, Width = 16, DiffAug = true, R1 = 2, Ema = 0.99, TickEvery = 2, SnapshotEvery = 20,
                HeldOut = new HeldOutSplit(0.2, 3),
            },
            options);
    }

    [Fact]
    public void The_json_stays_flat_with_the_same_keys()
    {
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(new TrainingJobOptions { DatasetId = 7 }, Web));
        using var before = JsonDocument.Parse(StoredBefore);

        var keys = written.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        // Keys added since, each optional on reading (the in-loop metric and the metrics job).
        string[] added = ["metricEvery", "metrics"];
        Assert.Equal(before.RootElement.EnumerateObject().Select(p => p.Name).Concat(added).Order(StringComparer.Ordinal), keys);
        Assert.Equal(7, written.RootElement.GetProperty("datasetId").GetInt32());
    }
}
