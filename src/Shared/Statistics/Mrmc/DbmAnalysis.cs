namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// Dorfman-Berbaum-Metz (1992) view of the same study: jackknife pseudovalues Y_ijk = K θ_ij - (K-1) θ_ij(-k) and the
/// mean squares of their test x reader x case ANOVA, with the variance components planning formulas use.
/// </summary>
internal static class DbmAnalysis
{
    public sealed record Result(double MsT, double MsR, double MsC, double MsTr, double MsTc, double MsRc, double MsTrc)
    {
        public double VarR(int t, int k) => (MsR - MsTr - MsRc + MsTrc) / (t * k);
        public double VarC(int t, int r) => (MsC - MsTc - MsRc + MsTrc) / (t * r);
        public double VarTr(int k) => (MsTr - MsTrc) / k;
        public double VarTc(int r) => (MsTc - MsTrc) / r;
        public double VarRc(int t) => (MsRc - MsTrc) / t;
        public double RrrcDenominator => MsTr + Math.Max(MsTc - MsTrc, 0);
    }

    public static Result Compute(MrmcTable table)
    {
        int t = table.Tests.Count, r = table.Readers.Count, k = table.Cases.Count;
        var estimates = AucEstimates.Compute(table);
        var loo = MrmcCovariance.LeaveOneOut(table, estimates);
        var y = new double[t, r, k];
        for (var i = 0; i < t; i++)
        for (var j = 0; j < r; j++)
        for (var c = 0; c < k; c++)
            y[i, j, c] = k * estimates.Auc[i, j] - (k - 1) * loo[i * r + j][c];

        double grand = 0;
        var mi = new double[t]; var mj = new double[r]; var mc = new double[k];
        var mij = new double[t, r]; var mic = new double[t, k]; var mjc = new double[r, k];
        for (var i = 0; i < t; i++)
        for (var j = 0; j < r; j++)
        for (var c = 0; c < k; c++)
        {
            var v = y[i, j, c];
            grand += v; mi[i] += v; mj[j] += v; mc[c] += v; mij[i, j] += v; mic[i, c] += v; mjc[j, c] += v;
        }

        grand /= t * r * k;
        for (var i = 0; i < t; i++) mi[i] /= r * k;
        for (var j = 0; j < r; j++) mj[j] /= t * k;
        for (var c = 0; c < k; c++) mc[c] /= t * r;
        for (var i = 0; i < t; i++) for (var j = 0; j < r; j++) mij[i, j] /= k;
        for (var i = 0; i < t; i++) for (var c = 0; c < k; c++) mic[i, c] /= r;
        for (var j = 0; j < r; j++) for (var c = 0; c < k; c++) mjc[j, c] /= t;

        double ssT = 0, ssR = 0, ssC = 0, ssTr = 0, ssTc = 0, ssRc = 0, ssTrc = 0;
        for (var i = 0; i < t; i++) ssT += Sq(mi[i] - grand);
        for (var j = 0; j < r; j++) ssR += Sq(mj[j] - grand);
        for (var c = 0; c < k; c++) ssC += Sq(mc[c] - grand);
        for (var i = 0; i < t; i++) for (var j = 0; j < r; j++) ssTr += Sq(mij[i, j] - mi[i] - mj[j] + grand);
        for (var i = 0; i < t; i++) for (var c = 0; c < k; c++) ssTc += Sq(mic[i, c] - mi[i] - mc[c] + grand);
        for (var j = 0; j < r; j++) for (var c = 0; c < k; c++) ssRc += Sq(mjc[j, c] - mj[j] - mc[c] + grand);
        for (var i = 0; i < t; i++)
        for (var j = 0; j < r; j++)
        for (var c = 0; c < k; c++)
            ssTrc += Sq(y[i, j, c] - mij[i, j] - mic[i, c] - mjc[j, c] + mi[i] + mj[j] + mc[c] - grand);

        return new Result(
            r * k * ssT / (t - 1), t * k * ssR / (r - 1), t * r * ssC / (k - 1),
            k * ssTr / ((t - 1) * (r - 1)), r * ssTc / ((t - 1) * (k - 1)), t * ssRc / ((r - 1) * (k - 1)),
            ssTrc / ((t - 1) * (r - 1) * (k - 1)));
    }

    private static double Sq(double x) => x * x;
}
