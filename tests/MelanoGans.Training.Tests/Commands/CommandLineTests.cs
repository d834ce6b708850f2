using MelanoGans.Training.Commands;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_rejects_an_unknown_architecture_without_training()
    {
        var result = TrainCommand.Create().Parse(["--arch", "stylegan", "--dataset", temp.Path]);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Train_with_a_bad_resolution_exits_non_zero_with_one_line()
    {
        var error = new StringWriter();

        var code = TrainCommand.Create().Parse(["--resolution", "48", "--dataset", temp.Path, "--out", temp.Sub("runs")]).Invoke(new() { Error = error });

        Assert.Equal(1, code);
        Assert.Equal("melanogans train: resolution must be a power of two from 32 to 256, got 48", error.ToString().Trim());
    }

    [Fact]
    public void Train_whose_loss_becomes_non_finite_exits_non_zero_with_the_reason_and_the_step()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"));
        var output = new StringWriter();
        var error = new StringWriter();
        string[] arguments = ["--dataset", dataset, "--resolution", "32", "--batch", "4", "--max-steps", "8", "--lr", "1e8", "--snapshot-every", "1", "--tick-every", "1", "--threads", "1", "--out", temp.Sub("runs")];

        var code = TrainCommand.Create().Parse(arguments).Invoke(new() { Output = output, Error = error });

        Assert.Equal(1, code);
        Assert.Matches(@"^melanogans train: loss_(d|g) became (infinite|NaN \(not a number\)) at step \d+$", error.ToString().Trim());
        Assert.Contains("the run stopped; its checkpoint at step", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_of_a_folder_that_is_not_a_run_says_so()
    {
        var error = new StringWriter();

        Assert.Equal(1, ResumeCommand.Create().Parse([temp.Path]).Invoke(new() { Error = error }));
        Assert.Contains("is not a run directory", error.ToString());
    }

    [Theory]
    [InlineData("ftp://server", "mgw_x", "--server must be an http(s) URL")]
    [InlineData("http://localhost:5000", null, "--token (or MELANOGANS_WORKER_TOKEN) is required")]
    public void Worker_with_bad_input_exits_non_zero_with_one_line(string server, string? token, string reason)
    {
        var error = new StringWriter();
        string[] args = token is null ? ["--server", server] : ["--server", server, "--token", token];
        // No MELANOGANS_WORKER_TOKEN either: an environment of the test's own, not the process's.
        Assert.Equal(1, WorkerCommand.Create(_ => null).Parse(args).Invoke(new() { Error = error }));

        Assert.Equal($"melanogans worker: {reason}", error.ToString().Trim());
    }
}
