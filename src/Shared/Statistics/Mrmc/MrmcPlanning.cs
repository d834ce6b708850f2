using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// Planning a study from a finished one: with its ratings as the pilot, the power of a planned study (random raters
/// and images) to tell its first two generators apart by a stated difference of AUCs, and the images 80% power needs.
/// </summary>
public static class MrmcPlanning
{
    /// <summary>The power aimed at by the "images needed" answer.</summary>
    public const double TargetPower = 0.8;

    /// <summary>The plan, or one with <see cref="StudyPlan.Reason"/> set when the pilot cannot serve.</summary>
    /// <param name="pilotName">The pilot study's name, said with the figures.</param>
    /// <param name="rows">The pilot's ratings table.</param>
    /// <param name="excluded">Raters the lead excluded from the pilot.</param>
    /// <param name="readers">Planned raters.</param>
    /// <param name="cases">Planned images (reals and fakes).</param>
    /// <param name="effect">Difference of AUCs to detect; null: the pilot's observed difference.</param>
    public static StudyPlan Plan(string pilotName, IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, int readers, int cases, double? effect)
    {
        StudyPlan Refuse(string reason) => new(pilotName, 0, 0, [], null, null, reason);
        if (readers < 2) return Refuse("Plan at least 2 raters: MRMC treats raters as a sample.");
        if (cases < 2) return Refuse("Plan at least 2 images.");
        var messages = new List<string>();
        var table = MrmcStudyTable.From(rows, excluded, messages);
        if (table is null) return Refuse(messages[^1]);
        if (table.Tests.Count < 2) return Refuse($"The pilot '{pilotName}' has one generator; planning a comparison needs a pilot with two.");
        try
        {
            var pilot = MrmcPilot.From(table);
            var power = MrmcPower.Power(pilot, readers, cases, effect);
            var needed = MrmcPower.SampleSize(pilot, readers, TargetPower, effect);
            return new StudyPlan(pilotName, pilot.Readers, pilot.Cases, table.Tests.Take(2).ToList(), power, needed, null);
        }
        catch (Exception e) when (e is MrmcInputException or ArithmeticException)
        {
            return Refuse(e is MrmcInputException ? e.Message : "The pilot's ratings vary too little between raters and images to plan from.");
        }
    }
}

/// <summary>What a pilot says about a planned study.</summary>
/// <param name="Pilot">The pilot study's name.</param>
/// <param name="PilotReaders">Raters who entered the pilot's analysis.</param>
/// <param name="PilotCases">The pilot's images.</param>
/// <param name="Generators">The two generators compared, first minus second.</param>
/// <param name="Power">The planned study's power to detect the effect; null with a reason.</param>
/// <param name="Needed">The fewest images (up to 2000) with 80% power for the planned raters; null when none is enough, or with a reason.</param>
/// <param name="Reason">Why the pilot cannot serve; null when it can.</param>
public sealed record StudyPlan(string Pilot, int PilotReaders, int PilotCases, IReadOnlyList<string> Generators, MrmcPowerResult? Power, MrmcPowerResult? Needed, string? Reason);
