using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>How a power calculation models the planned study's variance (Hillis, Obuchowski and Berbaum 2011).</summary>
public enum MrmcPowerMethod
{
    /// <summary>From the pilot's Obuchowski-Rockette components, scaled by pilot cases / planned cases (the default).</summary>
    Or,

    /// <summary>From the pilot's DBM pseudovalue variance components (Hillis and Berbaum 2004).</summary>
    DbmHb2004,
}

/// <summary>A pilot study's variance components, the input of power and sample size.</summary>
/// <param name="Cases">The pilot's cases.</param>
/// <param name="Readers">The pilot's readers.</param>
/// <param name="VarError">OR error variance.</param>
/// <param name="Cov1">OR Cov1.</param>
/// <param name="Cov2">OR Cov2.</param>
/// <param name="Cov3">OR Cov3.</param>
/// <param name="MsTr">Mean square of test x reader AUCs.</param>
/// <param name="ObservedEffect">The pilot's first test minus its second test.</param>
/// <param name="Dbm">The pilot's DBM mean squares; null with one test.</param>
/// <param name="Tests">The pilot's tests (1 or 2).</param>
/// <param name="SingleMsR">The first test alone: mean square of its readers' AUCs.</param>
/// <param name="SingleVarError">The first test alone: mean variance of a reader's AUC.</param>
/// <param name="SingleCov2">The first test alone: mean covariance of two readers' AUCs.</param>
/// <param name="SingleAuc">The first test's mean AUC.</param>
public sealed record MrmcPilot(int Cases, int Readers, double VarError, double Cov1, double Cov2, double Cov3, double MsTr, double ObservedEffect,
    DbmMeanSquares? Dbm, int Tests, double SingleMsR, double SingleVarError, double SingleCov2, double SingleAuc)
{
    /// <summary>Test x reader variance as RJafroc computes it: MS(TR) - Var + Cov1 + max(Cov2 - Cov3, 0).</summary>
    public double VarTrRjafroc => MsTr - VarError + Cov1 + Math.Max(Cov2 - Cov3, 0);

    /// <summary>The pilot of a study's first two tests (or its one test, for the single-test question), jackknife covariances.</summary>
    public static MrmcPilot From(MrmcTable table)
    {
        MrmcTableCheck.Require(table);
        var used = table.Tests.Count <= 2 ? table : table.Select(table.Tests.Take(2).ToList());
        var count = used.Tests.Count;
        var or = OrComponents.Compute(used, MrmcCovarianceMethod.Jackknife);
        var dbm = count == 2 ? DbmAnalysis.Compute(used) : null;
        var (msR, var, cov2) = or.Single[0];
        return new MrmcPilot(used.Cases.Count, used.Readers.Count, or.VarError, or.Cov1, or.Cov2, or.Cov3, or.Anova.MsTr,
            count == 2 ? or.TestMeans[0] - or.TestMeans[1] : double.NaN,
            dbm is null ? null : new DbmMeanSquares(dbm.MsTr, dbm.MsTc, dbm.MsTrc), count, msR, var, cov2, or.TestMeans[0]);
    }
}

/// <summary>The DBM mean squares planning needs.</summary>
public sealed record DbmMeanSquares(double MsTr, double MsTc, double MsTrc);

/// <summary>Power of a planned study to detect an effect (a difference of AUCs) at alpha 0.05.</summary>
/// <param name="Readers">Planned readers J.</param>
/// <param name="Cases">Planned cases K.</param>
/// <param name="Effect">The difference of AUCs to detect.</param>
/// <param name="Analysis">rrrc, frrc or rrfc.</param>
/// <param name="Ddf">Denominator degrees of freedom of the F test; null for the chi-square test of frrc (OR).</param>
/// <param name="Ncp">Noncentrality.</param>
/// <param name="Critical">The critical value of the test at alpha 0.05.</param>
/// <param name="Power">The probability of rejecting equal AUCs.</param>
public sealed record MrmcPowerResult(int Readers, int Cases, double Effect, string Analysis, double? Ddf, double Ncp, double Critical, double Power);

/// <summary>
/// Power and sample size of a two-test reader study from a pilot (Hillis, Obuchowski and Berbaum 2011), as RJafroc's
/// <c>SsPowerGivenJK</c> and <c>SsSampleSizeKGivenJ</c> compute them.
/// </summary>
/// <remarks>
/// OR method, with r = K_pilot / K: Var(TR) = max(MS(TR) - Var + Cov1 + max(Cov2 - Cov3, 0), 0) from the pilot.
/// rrrc: den = Var(TR) + r (Var - Cov1 + (J-1) max(Cov2 - Cov3, 0)), ncp = J d² / (2 den),
/// ddf = den² / ((Var(TR) + r (Var - Cov1 - max(Cov2 - Cov3, 0)))² / (J-1)), F(1, ddf).
/// frrc: den = r (Var - Cov1 + (J-1) max(Cov2 - Cov3, 0)), chi-square(1). rrfc: den = Var(TR) + r (Var - Cov1 -
/// max(Cov2 - Cov3, 0)), F(1, J-1). DBM (Hillis-Berbaum 2004) from pseudovalue components VarTR = (MS_TR - MS_TRC) /
/// K_pilot, VarTC = (MS_TC - MS_TRC) / J_pilot, VarErr = MS_TRC: ncp = J K d² / (2 (K max(VarTR, 0) + J max(VarTC, 0) +
/// VarErr)) for rrrc with ddf = (K VarTR⁺ + J VarTC⁺ + VarErr)² / ((K VarTR⁺ + VarErr)² / (J-1)); frrc drops VarTR
/// (F(1, K-1)), rrfc drops VarTC (F(1, J-1)). Power = P(noncentral statistic &gt; critical value).
/// </remarks>
public static class MrmcPower
{
    /// <summary>The largest number of cases a sample-size search tries.</summary>
    public const int MaxCases = 2000;

    private const double Alpha = 0.05;

    public static MrmcPowerResult Power(MrmcPilot pilot, int readers, int cases, double? effect = null,
        MrmcAnalysis analysis = MrmcAnalysis.Rrrc, MrmcPowerMethod method = MrmcPowerMethod.Or)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 2);
        if (pilot.Tests < 2) throw new MrmcInputException("Power for a difference needs a pilot with two tests; this one has one (ask about one test's AUC against 0.5 instead).");
        var d = effect ?? pilot.ObservedEffect;
        var (ncp, ddf) = method == MrmcPowerMethod.Or ? Or(pilot, readers, cases, d, analysis) : Dbm(pilot, readers, cases, d, analysis);
        double critical, power;
        if (ddf is { } df)
        {
            critical = FisherSnedecor.InvCDF(1, df, 1 - Alpha);
            power = 1 - NoncentralDistributions.FCdf(critical, 1, df, ncp);
        }
        else
        {
            critical = ChiSquared.InvCDF(1, 1 - Alpha);
            power = 1 - NoncentralDistributions.ChiSquareCdf(critical, 1, ncp);
        }

        return new MrmcPowerResult(readers, cases, d, ObuchowskiRockette.Name(analysis), ddf, ncp, critical, power);
    }

    /// <summary>
    /// The fewest cases (2 to <see cref="MaxCases"/>) whose power reaches <paramref name="target"/> with
    /// <paramref name="readers"/> readers: above it for rrrc, at least it otherwise (as RJafroc); null when even
    /// <see cref="MaxCases"/> cases do not.
    /// </summary>
    public static MrmcPowerResult? SampleSize(MrmcPilot pilot, int readers, double target = 0.8, double? effect = null,
        MrmcAnalysis analysis = MrmcAnalysis.Rrrc, MrmcPowerMethod method = MrmcPowerMethod.Or)
    {
        for (var k = 2; k <= MaxCases; k++)
        {
            var result = Power(pilot, readers, k, effect, analysis, method);
            if (analysis == MrmcAnalysis.Rrrc ? result.Power > target : result.Power >= target) return result;
        }

        return null;
    }

    /// <summary>
    /// Power of the single-test question: do <paramref name="readers"/> raters on <paramref name="cases"/> images show,
    /// one-sided at alpha 0.05, that the first test's AUC exceeds 0.5 when it is <paramref name="auc"/> (default: the
    /// pilot's)? From the pilot's components of that test, with r = K_pilot / K: Var(R) = max(MS(R) - Var + Cov2, 0),
    /// den = Var(R) + r (Var + (J-1) max(Cov2, 0)), ncp = (AUC - 0.5) / sqrt(den / J), ddf = den² / ((Var(R) + r (Var -
    /// max(Cov2, 0)))² / (J-1)), power = P(noncentral t(ddf, ncp) &gt; t_0.95(ddf)). At the pilot's own J and K this
    /// is the analysis's single-test t statistic and degrees of freedom.
    /// </summary>
    public static MrmcPowerResult SingleTestPower(MrmcPilot pilot, int readers, int cases, double? auc = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 2);
        var effect = (auc ?? pilot.SingleAuc) - 0.5;
        var scale = (double)pilot.Cases / cases;
        var cov2 = Math.Max(pilot.SingleCov2, 0);
        var varR = Math.Max(pilot.SingleMsR - pilot.SingleVarError + pilot.SingleCov2, 0);
        var den = varR + scale * (pilot.SingleVarError + (readers - 1) * cov2);
        var ms = varR + scale * (pilot.SingleVarError - cov2);
        var ddf = den * den / (ms * ms / (readers - 1));
        var ncp = effect / Math.Sqrt(den / readers);
        var critical = StudentT.InvCDF(0, 1, ddf, 1 - Alpha);
        return new MrmcPowerResult(readers, cases, effect, "single", ddf, ncp, critical, 1 - NoncentralDistributions.TCdf(critical, ddf, ncp));
    }

    /// <summary>The fewest cases (2 to <see cref="MaxCases"/>) whose single-test power reaches <paramref name="target"/>; null when none does.</summary>
    public static MrmcPowerResult? SingleTestSampleSize(MrmcPilot pilot, int readers, double target = 0.8, double? auc = null)
    {
        for (var k = 2; k <= MaxCases; k++)
        {
            var result = SingleTestPower(pilot, readers, k, auc);
            if (result.Power >= target) return result;
        }

        return null;
    }

    private static (double Ncp, double? Ddf) Or(MrmcPilot p, int j, int k, double d, MrmcAnalysis analysis)
    {
        var varTr = Math.Max(p.VarTrRjafroc, 0);
        var scale = (double)p.Cases / k;
        var spread = Math.Max(p.Cov2 - p.Cov3, 0);
        switch (analysis)
        {
            case MrmcAnalysis.Rrrc:
                var den = varTr + scale * (p.VarError - p.Cov1 + (j - 1) * spread);
                var msTr = varTr + scale * (p.VarError - p.Cov1 - spread);
                return (j * d * d / (2 * den), den * den / (msTr * msTr / (j - 1)));
            case MrmcAnalysis.Frrc:
                return (j * d * d / (2 * scale * (p.VarError - p.Cov1 + (j - 1) * spread)), null);
            default:
                return (j * d * d / (2 * (varTr + scale * (p.VarError - p.Cov1 - spread))), j - 1);
        }
    }

    private static (double Ncp, double? Ddf) Dbm(MrmcPilot p, int j, int k, double d, MrmcAnalysis analysis)
    {
        if (p.Dbm is null) throw new MrmcInputException("The DBM method needs a pilot with two tests.");
        var varTr = Math.Max((p.Dbm.MsTr - p.Dbm.MsTrc) / p.Cases, 0);
        var varTc = Math.Max((p.Dbm.MsTc - p.Dbm.MsTrc) / p.Readers, 0);
        var varErr = p.Dbm.MsTrc;
        switch (analysis)
        {
            case MrmcAnalysis.Rrrc:
                var den = k * varTr + j * varTc + varErr;
                var ms = k * varTr + varErr;
                return (j * k * d * d / (2 * den), den * den / (ms * ms / (j - 1)));
            case MrmcAnalysis.Frrc:
                return (j * k * d * d / (2 * (j * varTc + varErr)), k - 1);
            default:
                return (j * k * d * d / (2 * (k * varTr + varErr)), j - 1);
        }
    }
}
