using System.CommandLine;
using System.Text.Json;
using MelanoGans.Training.Commands;

namespace MelanoGans.Training.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_stats_times_a_small_table()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();

        var exitCode = root.Parse(["bench", "stats", "--raters", "3", "--items", "20", "--bootstrap", "20", "--repetitions", "1", "--no-python", "--json"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("computeSeconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pythonSeconds").ValueKind);
    }
}
