using System.Text.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Experiments;

/// <summary>Reads an uploaded <c>results.json</c> and says, in words, why one cannot be shown.</summary>
internal static class ExperimentResultValidator
{
    public static ImbalanceExperimentResult? Parse(string json, out IReadOnlyList<string> errors)
    {
        ImbalanceExperimentResult? result;
        try
        {
            result = JsonSerializer.Deserialize<ImbalanceExperimentResult>(json, ImbalanceExperimentResult.Json);
        }
        catch (JsonException e)
        {
            // The message names the missing property or the line and position of the syntax error.
            errors = [$"This is not a results.json of melanogans experiment imbalance: {e.Message}"];
            return null;
        }
        if (result is null)
        {
            errors = ["This is not a results.json of melanogans experiment imbalance: the file holds null."];
            return null;
        }

        var problems = new List<string>();
        if (result.Experiment != "imbalance") problems.Add($"Only the imbalance experiment can be shown, not \"{result.Experiment}\".");
        if (result.Arms.Count == 0) problems.Add("The file has no arms.");
        if (result.MetricNames.Count == 0) problems.Add("The file names no metrics.");
        if (result.Arms.All(a => a.Name != ImbalanceExperimentResult.BaselineArm))
            problems.Add($"The file has no \"{ImbalanceExperimentResult.BaselineArm}\" arm to compare with.");
        foreach (var arm in result.Arms)
        {
            var missing = result.MetricNames.Where(m => !arm.Metrics.ContainsKey(m)).ToList();
            if (missing.Count > 0) problems.Add($"Arm \"{arm.Name}\" lacks the metrics {string.Join(", ", missing)}.");
        }
        errors = problems;
        return problems.Count == 0 ? result : null;
    }
}
