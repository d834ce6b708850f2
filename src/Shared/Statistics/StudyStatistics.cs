using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics.Diagnosis;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Computes every statistic of docs/design.md's "Statistics definitions" from a ratings table. The dashboard and
/// <c>melanogans stats</c> both call this, so they show the same numbers.
/// </summary>
/// <remarks>
/// Each rater's first answer on an item (is_repeat = false) enters accuracy and agreement; repeated answers
/// only enter intra-rater agreement. Nothing here throws for odd data: an undefined number is null and
/// <see cref="StudyReport.Messages"/> says why.
/// </remarks>
public static class StudyStatistics
{
    private const int Levels = RatingRow.MaxResponse;

    /// <summary>All statistics of <paramref name="rows"/>.</summary>
    public static StudyReport Compute(IReadOnlyList<RatingRow> rows, StatisticsOptions? options = null) =>
        Compute(rows, options, null, null, []);

    /// <summary>
    /// All statistics of <paramref name="rows"/>, reading <paramref name="split"/> and <paramref name="indexed"/> (the
    /// <see cref="StudyData"/> of its counted rows, with the messages both gave) where given.
    /// </summary>
    internal static StudyReport Compute(IReadOnlyList<RatingRow> rows, StatisticsOptions? options, ProtocolRows? split, StudyData? indexed, IReadOnlyList<string> indexMessages)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new StatisticsOptions();
        var messages = new List<string>();
        var confidence = options.Confidence is > 0 and < 1 ? options.Confidence : 0.95;
        if (confidence != options.Confidence)
        {
            messages.Add($"Confidence {options.Confidence} is not between 0 and 1; 0.95 was used.");
        }
        if (rows.Count == 0)
        {
            messages.Add("The ratings table is empty: there is nothing to compute.");
        }

        split ??= ProtocolRows.Split(rows, options.ExcludedRaters, messages);
        var data = indexed ?? StudyData.Build(split.Counted, messages);
        if (indexed is not null) messages.AddRange(indexMessages);
        int raterCount = data.Raters.Length, itemCount = data.Items.Length;

        var overall = new ClassificationCounts();
        var perRater = Enumerable.Range(0, raterCount).Select(_ => new ClassificationCounts()).ToArray();
        var perSource = data.Sources.Select(_ => new ClassificationCounts()).ToArray();
        var raterTimes = Enumerable.Range(0, raterCount).Select(_ => new List<double>()).ToArray();
        var allTimes = new List<double>(data.FirstAnswers.Length);
        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var row = data.FirstAnswers[a];
            var item = data.FirstItem[a];
            var truth = data.ItemTruth[item];
            overall.Add(truth, row.Response);
            perRater[data.FirstRater[a]].Add(truth, row.Response);
            perSource[data.ItemSource[item]].Add(truth, row.Response);
            raterTimes[data.FirstRater[a]].Add(row.ActiveMs);
            allTimes.Add(row.ActiveMs);
        }

        var fakeItems = data.ItemTruth.Count(t => t == RatingTruth.Fake);
        var realItems = itemCount - fakeItems;
        if (itemCount > 0 && fakeItems == 0)
        {
            messages.Add("There are no fake items: sensitivity, deception rate and AUC are undefined (null).");
        }

        if (itemCount > 0 && realItems == 0)
        {
            messages.Add("There are no real items: specificity and AUC are undefined (null).");
        }

        var raterReports = new RaterReport[raterCount];
        for (var r = 0; r < raterCount; r++)
        {
            var counts = perRater[r];
            if (counts.Answers > 0 && counts.FakesCalledFake + (counts.Reals - counts.RealsCalledReal) == 0)
            {
                messages.Add($"Rater '{data.Raters[r]}' called every image real: sensitivity 0, and kappa with this rater is 0 or undefined.");
            }
            else if (counts.Answers > 0 && counts.RealsCalledReal + (counts.Fakes - counts.FakesCalledFake) == 0)
            {
                messages.Add($"Rater '{data.Raters[r]}' called every image fake: specificity 0, and kappa with this rater is 0 or undefined.");
            }

            raterReports[r] = new RaterReport(data.Raters[r], counts.Summarise(confidence), counts.Auc(), TimeSummary.Of(raterTimes[r]));
        }

        var aucUndefined = raterReports.Count(r => r.Auc is null && r.Classification.Answers > 0);
        if (aucUndefined > 0 && fakeItems > 0 && realItems > 0)
        {
            messages.Add($"AUC is undefined for {aucUndefined} raters who answered only real or only fake items.");
        }

        var sourceReports = SourceReports(data, perSource, confidence);
        var agreement = Agreement(data, overall, options, confidence, messages);
        var (intra, pooled) = IntraRater(data);
        var deception = Deception(data, sourceReports, perSource, confidence, messages);
        var protocol = new ProtocolReport(
            split.Practice,
            split.Catch.Count(r => !split.Excluded.Contains(r.Rater)),
            split.Exclusions,
            split.CatchAccuracies(confidence),
            HypeInfinity.Compute(data, RatingMode.Untimed, options.BootstrapResamples, options.Seed, confidence),
            FixedExposure.Compute(data, options.BootstrapResamples, options.Seed, confidence),
            HypeTime.Compute(split.Counted, options.BootstrapResamples, options.Seed, confidence, messages),
            PairedChoice.Compute(split.Paired, confidence));

        return new StudyReport(
            rows.Count,
            data.FirstAnswers.Length,
            data.Repeats.Length,
            raterCount,
            itemCount,
            fakeItems,
            realItems,
            overall.Summarise(confidence),
            overall.Auc(),
            TimeSummary.Of(allTimes),
            raterReports,
            sourceReports,
            agreement,
            intra,
            pooled,
            deception,
            messages,
            protocol,
            MrmcOutcome.Compute(rows, split.Excluded),
            rows.Any(r => r.Task == RatingTask.Diagnosis) ? DiagnosisAnalysis.Compute(rows, split.Excluded, confidence) : null);
    }

    private static SourceReport[] SourceReports(StudyData data, ClassificationCounts[] perSource, double confidence)
    {
        var sourceCount = data.Sources.Length;
        var tagCounts = Enumerable.Range(0, sourceCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var source = data.ItemSource[data.FirstItem[a]];
            // A tag given twice in one answer still marks that answer once.
            foreach (var tag in data.FirstAnswers[a].Tags.Distinct(StringComparer.Ordinal))
            {
                tagCounts[source][tag] = tagCounts[source].GetValueOrDefault(tag) + 1;
            }
        }

        var items = new int[sourceCount];
        var fakes = new int[sourceCount];
        for (var i = 0; i < data.Items.Length; i++)
        {
            items[data.ItemSource[i]]++;
            fakes[data.ItemSource[i]] += data.ItemTruth[i] == RatingTruth.Fake ? 1 : 0;
        }

        var reports = new SourceReport[sourceCount];
        for (var s = 0; s < sourceCount; s++)
        {
            RatingTruth? truth = fakes[s] == items[s] ? RatingTruth.Fake : fakes[s] == 0 ? RatingTruth.Real : null;
            var answers = perSource[s].Answers;
            var tags = tagCounts[s]
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new TagRate(kv.Key, WilsonInterval.Compute(kv.Value, answers, confidence)))
                .ToArray();
            reports[s] = new SourceReport(data.Sources[s], truth, items[s], perSource[s].Summarise(confidence), tags);
        }

        return reports;
    }

    private static AgreementReport Agreement(StudyData data, ClassificationCounts overall, StatisticsOptions options, double confidence, List<string> messages)
    {
        int raterCount = data.Raters.Length, itemCount = data.Items.Length;
        double? prevalence = overall.Answers > 0 ? (double)overall.Fakes / overall.Answers : null;
        double? calledFake = overall.Answers > 0
            ? (double)(overall.FakesCalledFake + overall.Reals - overall.RealsCalledReal) / overall.Answers
            : null;
        if (raterCount == 1)
        {
            messages.Add("Only one rater: inter-rater agreement (Fleiss, Cohen, Krippendorff) needs at least two raters and is undefined.");
        }

        // Per-item counts of each response 1..6 over first answers: the input of Fleiss and Krippendorff.
        var unitCounts = new int[itemCount][];
        var ratersPerItem = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            unitCounts[i] = new int[Levels];
        }

        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var i = data.FirstItem[a];
            unitCounts[i][data.FirstAnswers[a].Response - 1]++;
            ratersPerItem[i]++;
        }

        var single = ratersPerItem.Count(n => n == 1);
        if (single > 0 && raterCount > 1)
        {
            messages.Add($"{single} items were rated by one rater only; they enter no agreement statistic.");
        }

        // Fleiss: items every rater rated, binary call (fake, real).
        var complete = new List<int[]>();
        var completeFakes = 0;
        for (var i = 0; i < itemCount; i++)
        {
            if (raterCount >= 2 && ratersPerItem[i] == raterCount)
            {
                var u = unitCounts[i];
                var fake = u[0] + u[1] + u[2];
                complete.Add([fake, raterCount - fake]);
                completeFakes += data.ItemTruth[i] == RatingTruth.Fake ? 1 : 0;
            }
        }

        var fleiss = FleissKappa.Compute(complete);
        if (raterCount >= 2 && complete.Count == 0)
        {
            messages.Add("No item was rated by every rater: Fleiss' kappa is undefined.");
        }
        else if (complete.Count > 0 && fleiss.Kappa is null)
        {
            messages.Add("Fleiss' kappa is undefined: every rater gave every complete item the same call (expected agreement 1); percent agreement is 1.");
        }

        double? fleissPrevalence = complete.Count > 0 ? (double)completeFakes / complete.Count : null;
        var pairs = CohenPairs(data, messages);

        // Krippendorff: all items, any number of raters. Ordinal uses the 6 levels; nominal the binary call.
        var pairable = unitCounts.Where(u => u.Sum() >= 2).ToArray();
        var pairableValues = pairable.Sum(u => u.Sum());
        var ordinal = KrippendorffAlpha.Compute(pairable, KrippendorffLevel.Ordinal);
        var nominal = KrippendorffAlpha.Compute(pairable.Select(ToBinary).ToArray(), KrippendorffLevel.Nominal);
        if (pairable.Length > 0 && nominal is null)
        {
            messages.Add("Krippendorff's nominal alpha is undefined: every pairable answer made the same call (no expected disagreement).");
        }

        if (pairable.Length > 0 && ordinal is null)
        {
            messages.Add("Krippendorff's ordinal alpha is undefined: every pairable answer gave the same response.");
        }

        BootstrapInterval? nominalInterval = null, ordinalInterval = null;
        if (options.BootstrapResamples > 0 && pairable.Length > 0)
        {
            var intervals = UnitBootstrap.Percentile(
                pairable,
                [NominalOfBinaryCall, o => KrippendorffAlpha.FromCoincidences(o, Levels, KrippendorffLevel.Ordinal)],
                options.BootstrapResamples,
                options.Seed,
                confidence);
            (nominalInterval, ordinalInterval) = (intervals[0], intervals[1]);
            if (nominalInterval.Undefined > 0 || ordinalInterval.Undefined > 0)
            {
                messages.Add($"Krippendorff bootstrap: alpha was undefined on {nominalInterval.Undefined} (nominal) and {ordinalInterval.Undefined} (ordinal) of {options.BootstrapResamples} resamples; the interval uses the others.");
            }
        }

        return new AgreementReport(
            prevalence,
            calledFake,
            fleiss,
            fleissPrevalence,
            pairs,
            new KrippendorffAlphaResult(KrippendorffLevel.Nominal, pairable.Length, pairableValues, nominal, nominalInterval),
            new KrippendorffAlphaResult(KrippendorffLevel.Ordinal, pairable.Length, pairableValues, ordinal, ordinalInterval));
    }

    private static int[] ToBinary(int[] sixLevels) =>
        [sixLevels[0] + sixLevels[1] + sixLevels[2], sixLevels[3] + sixLevels[4] + sixLevels[5]];

    /// <summary>Nominal alpha of the binary call from the 6 x 6 coincidences, by collapsing 1-3 and 4-6.</summary>
    private static double? NominalOfBinaryCall(double[] o)
    {
        Span<double> binary = stackalloc double[4];
        for (var c = 0; c < Levels; c++)
        {
            for (var d = 0; d < Levels; d++)
            {
                binary[(c < 3 ? 0 : 2) + (d < 3 ? 0 : 1)] += o[c * Levels + d];
            }
        }

        return KrippendorffAlpha.FromCoincidences(binary, 2, KrippendorffLevel.Nominal);
    }

    private static CohenKappaPair[] CohenPairs(StudyData data, List<string> messages)
    {
        int raterCount = data.Raters.Length, itemCount = data.Items.Length;
        var pairs = new CohenKappaPair[raterCount * (raterCount - 1) / 2];
        var undefined = 0;
        var index = 0;
        var table = new int[2, 2];
        for (var a = 0; a < raterCount; a++)
        {
            var rowA = data.Response.AsSpan(a * itemCount, itemCount);
            for (var b = a + 1; b < raterCount; b++)
            {
                var rowB = data.Response.AsSpan(b * itemCount, itemCount);
                Array.Clear(table);
                int shared = 0, fakes = 0;
                for (var i = 0; i < itemCount; i++)
                {
                    if (rowA[i] == 0 || rowB[i] == 0)
                    {
                        continue;
                    }

                    shared++;
                    fakes += data.ItemTruth[i] == RatingTruth.Fake ? 1 : 0;
                    table[rowA[i] <= 3 ? 0 : 1, rowB[i] <= 3 ? 0 : 1]++;
                }

                var (observed, expected, kappa) = CohenKappa.Compute(table);
                undefined += kappa is null ? 1 : 0;
                pairs[index++] = new CohenKappaPair(
                    data.Raters[a], data.Raters[b], shared, observed, expected, kappa, shared > 0 ? (double)fakes / shared : null);
            }
        }

        if (undefined > 0)
        {
            messages.Add($"Cohen's kappa is undefined for {undefined} rater pairs: no shared items, or both raters gave every shared item the same call (expected agreement 1).");
        }

        return pairs;
    }

    private static (IReadOnlyList<IntraRaterAgreement> PerRater, IntraRaterAgreement Pooled) IntraRater(StudyData data)
    {
        var perRater = new List<IntraRaterAgreement>();
        foreach (var group in data.Repeats.GroupBy(p => p.Rater).OrderBy(g => g.Key))
        {
            perRater.Add(Intra(data.Raters[group.Key], group.Select(p => (p.First, p.Repeat)).ToArray()));
        }

        return (perRater, Intra("*", data.Repeats.Select(p => (p.First, p.Repeat)).ToArray()));
    }

    private static IntraRaterAgreement Intra(string rater, (RatingRow First, RatingRow Repeat)[] pairs)
    {
        if (pairs.Length == 0)
        {
            return new IntraRaterAgreement(rater, 0, null, null, null);
        }

        var table = new int[2, 2];
        double absoluteDifference = 0;
        foreach (var (first, repeat) in pairs)
        {
            table[first.CalledFake ? 0 : 1, repeat.CalledFake ? 0 : 1]++;
            absoluteDifference += Math.Abs(first.Response - repeat.Response);
        }

        var (observed, _, kappa) = CohenKappa.Compute(table);
        return new IntraRaterAgreement(rater, pairs.Length, observed, kappa, absoluteDifference / pairs.Length);
    }

    private static DeceptionComparison Deception(
        StudyData data, SourceReport[] sources, ClassificationCounts[] perSource, double confidence, List<string> messages)
    {
        var models = new List<(string Name, int Deceived, int Answers)>();
        for (var s = 0; s < sources.Length; s++)
        {
            if (sources[s].Truth == RatingTruth.Fake && perSource[s].Answers > 0)
            {
                var fakes = perSource[s].Fakes;
                models.Add((data.Sources[s], fakes - perSource[s].FakesCalledFake, fakes));
            }
            else if (sources[s].Truth is null)
            {
                messages.Add($"Source '{data.Sources[s]}' has both real and fake items; it is not compared as a model.");
            }
        }

        var rates = models.Select(m => new ModelDeception(m.Name, WilsonInterval.Compute(m.Deceived, m.Answers, confidence))).ToArray();
        if (models.Count < 2)
        {
            messages.Add("Fewer than two models were rated: deception rates are not compared across models.");
            return new DeceptionComparison(rates, "none", null, null, null);
        }

        var table = new long[models.Count, 2];
        for (var m = 0; m < models.Count; m++)
        {
            table[m, 0] = models[m].Deceived;
            table[m, 1] = models[m].Answers - models[m].Deceived;
        }

        var (statistic, df, p, minExpected) = ChiSquareTest.Independence(table);
        if (models.Count == 2 && (minExpected is null or < 5))
        {
            var fisher = FisherExactTest.TwoSided((int)table[0, 0], (int)table[0, 1], (int)table[1, 0], (int)table[1, 1]);
            return new DeceptionComparison(rates, "fisher-exact", null, null, fisher);
        }

        if (statistic is null)
        {
            messages.Add("The chi-square test across models is undefined: every fake fooled the raters, or none did.");
            return new DeceptionComparison(rates, "none", null, null, null);
        }

        if (minExpected < 5)
        {
            messages.Add($"The chi-square test across models has an expected count of {minExpected:0.##} (< 5); its p-value is approximate.");
        }

        return new DeceptionComparison(rates, "chi-square", statistic, df, p);
    }
}
