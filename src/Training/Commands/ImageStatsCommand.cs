using System.CommandLine;
using System.Globalization;
using System.Text;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans imagestats</c>: colour-histogram distances (Jensen-Shannon, Wasserstein-1) between two
/// folders of PNG/JPEG images, per channel, mean, and by class where both folders have a manifest.csv.
/// </summary>
internal static class ImageStatsCommand
{
    private const int NameWidth = 32;

    public static Command Create()
    {
        var aOption = new Option<string>("--a") { Description = "First image folder (PNG/JPEG; an optional manifest.csv with file,label enables per-class statistics).", Required = true };
        var bOption = new Option<string>("--b") { Description = "Second image folder, compared with the first.", Required = true };
        var jsonOption = CommandOutput.JsonOption();
        var command = new Command("imagestats", "Colour-histogram distances between two image sets.") { aOption, bOption, jsonOption };
        command.SetAction(parseResult => Run(parseResult, parseResult.GetValue(aOption)!, parseResult.GetValue(bOption)!, parseResult.GetValue(jsonOption)));
        return command;
    }

    private static int Run(ParseResult parse, string a, string b, bool json)
    {
        ImageDirectory setA, setB;
        try
        {
            setA = ImageDirectory.Load(a);
            setB = ImageDirectory.Load(b);
        }
        catch (ImageDirectoryException ex)
        {
            return CommandOutput.Fail(parse, ex.Message);
        }

        var overall = ColourDistances.Compare(setA.Histograms.All, setB.Histograms.All);
        var byClass = ColourDistances.CompareByClass(setA.Histograms, setB.Histograms);
        if (json)
        {
            CommandOutput.Json(parse, new
            {
                A = Describe(setA),
                B = Describe(setB),
                Channels = overall.Channels.Select(Channel),
                Mean = new { JensenShannon = overall.MeanJensenShannon, Wasserstein1 = overall.MeanWasserstein1 },
                ByClass = byClass.ToDictionary(
                    c => c.Key.ToIsicName(),
                    c => new
                    {
                        Channels = c.Value.Channels.Select(Channel),
                        Mean = new { JensenShannon = c.Value.MeanJensenShannon, Wasserstein1 = c.Value.MeanWasserstein1 },
                    }),
            });
            return 0;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"a: {setA.Path} ({setA.Histograms.All.ImageCount} images)");
        text.AppendLine(CultureInfo.InvariantCulture, $"b: {setB.Path} ({setB.Histograms.All.ImageCount} images)");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"set",-NameWidth}  {"jensen_shannon",14}  {"wasserstein1",12}"));
        foreach (var channel in overall.Channels)
        {
            text.AppendLine(Row(channel.Channel.ToString().ToLowerInvariant(), channel.JensenShannon, channel.Wasserstein1));
        }

        text.AppendLine(Row("mean", overall.MeanJensenShannon, overall.MeanWasserstein1));
        foreach (var (lesionClass, comparison) in byClass)
        {
            text.AppendLine(Row($"mean, {lesionClass.ToIsicName()} only", comparison.MeanJensenShannon, comparison.MeanWasserstein1));
        }

        parse.InvocationConfiguration.Output.Write(text.ToString());
        return 0;
    }

    private static string Row(string name, double js, double w1) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-NameWidth}  {js,14:F6}  {w1,12:F6}");

    private static object Channel(ChannelDistance c) =>
        new { Channel = c.Channel.ToString().ToLowerInvariant(), c.JensenShannon, c.Wasserstein1 };

    private static object Describe(ImageDirectory set) => new
    {
        set.Path,
        Images = set.Histograms.All.ImageCount,
        Pixels = set.Histograms.All.PixelCount,
        Classes = LesionClassNames.All
            .Where(set.Histograms.ByClass.ContainsKey)
            .ToDictionary(c => c.ToIsicName(), c => set.Histograms.ByClass[c].ImageCount),
    };
}
